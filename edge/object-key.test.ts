import { describe, expect, it } from "vitest";

import { objectKeyOf } from "./object-key";

describe("objectKeyOf", () => {
  const valid: Array<[string, string]> = [
    ["/documents/abc", "documents/abc"],
    ["/documents/a%20b.pdf", "documents/a b.pdf"],
    ["/documents/a+b", "documents/a+b"],
    ["/documents/a%2Fb", "documents/a/b"],
    ["/documents/%E2%82%AC", "documents/€"],
    ["/documents/\u00c3\u00a9", "documents/é"],
    ["/documents/%EF%BB%BFbom", "documents/\ufeffbom"],
    ["/documents//double", "documents//double"],
    ["/", ""],
  ];
  for (const [path, key] of valid) {
    it(`maps ${path}`, () => {
      expect(objectKeyOf(path)).toEqual({ ok: true, key });
    });
  }

  const invalid: Array<[string, string]> = [
    ["/documents/%", "InvalidURI"],
    ["/documents/%4", "InvalidURI"],
    ["/documents/%ZZ", "InvalidURI"],
    ["/documents/%C3", "InvalidURI"],
    ["/documents/%ED%A0%80", "InvalidURI"],
    ["/documents/%00", "InvalidURI"],
    ["/documents/%0A", "InvalidURI"],
    ["/documents/%7F", "InvalidURI"],
    ["/documents/../x", "InvalidURI"],
    ["/documents/%2E%2E/x", "InvalidURI"],
    ["/./x", "InvalidURI"],
    [`/${"a".repeat(234)}`, "InvalidURI"],
    ["/\u20ac", "InvalidURI"],
    [`/${"a/".repeat(513)}`, "KeyTooLongError"],
  ];
  for (const [path, code] of invalid) {
    it(`rejects ${path.slice(0, 40)} with ${code}`, () => {
      const result = objectKeyOf(path);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe(code);
    });
  }

  it("accepts a segment of 233 bytes", () => {
    expect(objectKeyOf(`/${"a".repeat(233)}/${"b".repeat(233)}`).ok).toBe(true);
  });
});
