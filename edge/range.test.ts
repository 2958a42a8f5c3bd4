import { describe, expect, it } from "vitest";

import { ifRangeMatches, parseRange, resolveRange } from "./range";

describe("parseRange", () => {
  const cases: Array<[string | undefined, ReturnType<typeof parseRange>]> = [
    [undefined, { kind: "none" }],
    ["bytes=0-99", { kind: "from", first: 0, last: 99 }],
    ["bytes=5-", { kind: "from", first: 5, last: undefined }],
    ["BYTES=1-2", { kind: "from", first: 1, last: 2 }],
    [" bytes=1-2 ", { kind: "from", first: 1, last: 2 }],
    ["bytes=-20", { kind: "suffix", length: 20 }],
    ["bytes=9-3", { kind: "none" }],
    ["bytes=0-1,4-5", { kind: "none" }],
    ["bytes=-", { kind: "none" }],
    ["bytes= 1-2", { kind: "none" }],
    ["bytes=1.5-2", { kind: "none" }],
    ["pages=1-2", { kind: "none" }],
    ["", { kind: "none" }],
  ];
  for (const [header, expected] of cases) {
    it(`parses ${JSON.stringify(header)}`, () => {
      expect(parseRange(header)).toEqual(expected);
    });
  }
});

describe("resolveRange", () => {
  it("clamps the last position", () => {
    expect(resolveRange({ kind: "from", first: 5, last: 500 }, 10)).toEqual({
      kind: "partial",
      first: 5,
      last: 9,
    });
  });

  it("selects the whole object for a long suffix", () => {
    expect(resolveRange({ kind: "suffix", length: 50 }, 10)).toEqual({
      kind: "partial",
      first: 0,
      last: 9,
    });
  });

  it("rejects a first position past the end", () => {
    expect(resolveRange({ kind: "from", first: 10, last: undefined }, 10)).toEqual({
      kind: "unsatisfiable",
    });
  });

  it("rejects a zero-length suffix", () => {
    expect(resolveRange({ kind: "suffix", length: 0 }, 10)).toEqual({ kind: "unsatisfiable" });
  });

  it("rejects any range of an empty object", () => {
    expect(resolveRange({ kind: "from", first: 0, last: undefined }, 0)).toEqual({
      kind: "unsatisfiable",
    });
  });

  it("keeps a huge first position unsatisfiable", () => {
    const first = Number("9".repeat(400));
    expect(resolveRange({ kind: "from", first, last: undefined }, 10)).toEqual({
      kind: "unsatisfiable",
    });
  });
});

describe("ifRangeMatches", () => {
  const etag = '"abc"';
  const lastModified = new Date("2026-12-04T10:00:00Z");

  it("matches the same strong entity tag", () => {
    expect(ifRangeMatches('"abc"', etag, lastModified)).toBe(true);
  });

  it("never matches a weak entity tag", () => {
    expect(ifRangeMatches('W/"abc"', etag, lastModified)).toBe(false);
  });

  it("matches the exact Last-Modified date", () => {
    expect(ifRangeMatches(lastModified.toUTCString(), etag, lastModified)).toBe(true);
  });

  it("rejects another date", () => {
    expect(ifRangeMatches("Fri, 04 Dec 2026 10:00:01 GMT", etag, lastModified)).toBe(false);
  });

  it("rejects an invalid date", () => {
    expect(ifRangeMatches("yesterday", etag, lastModified)).toBe(false);
  });
});
