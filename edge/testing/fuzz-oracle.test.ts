import { describe, expect, it } from "vitest";

import { mayAccept, type SignedBase } from "./fuzz-oracle";

const ORIGIN = "http://edge.test";
const SIGNED = "Expires=1796385900&Signature=ab~c_&Key-Pair-Id=KEDGE0000001";
const url: SignedBase = {
  request: { target: `/documents/a.pdf?size=1&${SIGNED}`, cookie: undefined },
  mode: "url",
  wildcardResource: undefined,
};
const wildcard: SignedBase = {
  request: {
    target: "/documents/a.pdf",
    cookie:
      "CloudFront-Policy=eyJ9; CloudFront-Signature=ab~c_; CloudFront-Key-Pair-Id=KEDGE0000001",
  },
  mode: "cookie",
  wildcardResource: `${ORIGIN}/documents/*`,
};

function target(text: string) {
  return { target: text, cookie: undefined };
}

describe("mayAccept", () => {
  it("accepts the unchanged request", () => {
    expect(mayAccept(url, url.request, ORIGIN)).toBe(true);
    expect(mayAccept(wildcard, wildcard.request, ORIGIN)).toBe(true);
  });

  it("accepts reordered signing parameters", () => {
    const moved = target(
      "/documents/a.pdf?Key-Pair-Id=KEDGE0000001&size=1&Signature=ab~c_&Expires=1796385900",
    );
    expect(mayAccept(url, moved, ORIGIN)).toBe(true);
  });

  it("accepts equivalent spellings", () => {
    expect(mayAccept(url, target(url.request.target.replace("~", "%7E")), ORIGIN)).toBe(true);
    expect(mayAccept(url, target(url.request.target.replace("=179", "=0179")), ORIGIN)).toBe(true);
    expect(mayAccept(url, target(`${url.request.target}&Hash-Algorithm=SHA1`), ORIGIN)).toBe(true);
  });

  it("rejects a changed signature", () => {
    expect(mayAccept(url, target(url.request.target.replace("ab~c", "ab~d")), ORIGIN)).toBe(false);
  });

  it("rejects a repeated signing parameter", () => {
    const repeated = target(`${url.request.target}&Signature=ab~c_`);
    expect(mayAccept(url, repeated, ORIGIN)).toBe(false);
  });

  it("rejects another hash algorithm", () => {
    const sha256 = target(`${url.request.target}&Hash-Algorithm=SHA256`);
    expect(mayAccept(url, sha256, ORIGIN)).toBe(false);
  });

  it("rejects a changed resource", () => {
    expect(mayAccept(url, target(url.request.target.replace("size=1", "size=2")), ORIGIN)).toBe(
      false,
    );
    expect(mayAccept(url, target(url.request.target.replace("a.pdf", "a%2Epdf")), ORIGIN)).toBe(
      false,
    );
  });

  it("rejects a missing parameter", () => {
    expect(
      mayAccept(url, target(url.request.target.replace("&Expires=1796385900", "")), ORIGIN),
    ).toBe(false);
  });

  it("follows the wildcard Resource", () => {
    const inside = { ...wildcard.request, target: "/documents/other/../x?y=z" };
    const outside = { ...wildcard.request, target: "/private/a.pdf" };
    expect(mayAccept(wildcard, inside, ORIGIN)).toBe(true);
    expect(mayAccept(wildcard, outside, ORIGIN)).toBe(false);
  });

  it("rejects a switch to URL mode", () => {
    const switched = { ...wildcard.request, target: "/documents/a.pdf?Expires=1" };
    expect(mayAccept(wildcard, switched, ORIGIN)).toBe(false);
  });

  it("accepts quoted and spaced cookies", () => {
    const cookie =
      ' CloudFront-Policy="eyJ9";CloudFront-Signature=ab~c_ ; CloudFront-Key-Pair-Id=KEDGE0000001; other=1';
    expect(mayAccept(wildcard, { target: "/documents/a.pdf", cookie }, ORIGIN)).toBe(true);
  });

  it("rejects a dropped cookie", () => {
    const cookie = "CloudFront-Policy=eyJ9; CloudFront-Key-Pair-Id=KEDGE0000001";
    expect(mayAccept(wildcard, { target: "/documents/a.pdf", cookie }, ORIGIN)).toBe(false);
  });
});
