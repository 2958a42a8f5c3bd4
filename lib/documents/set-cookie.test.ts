import { describe, expect, it } from "vitest";

import {
  cookieScopeOf,
  deletedCookieHeaders,
  isImagesCookiePath,
  signedCookieHeaders,
} from "./set-cookie";
import type { DocumentCookies } from "./types";
import { loadConfig } from "@/lib/config";

const NOW = new Date("2026-12-01T10:00:00.400Z");
const PATH = "/documents/0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10/images/";

const SIGNED: DocumentCookies = {
  cookies: [
    { name: "CloudFront-Policy", value: "eyJTdGF0ZW1lbnQiOltdfQ__" },
    { name: "CloudFront-Key-Pair-Id", value: "K2JCJMDEHXQW5F" },
    { name: "CloudFront-Signature", value: "abc-def~ghi_" },
  ],
  path: PATH,
  expiresAt: new Date("2026-12-01T10:05:00Z"),
};

describe("signedCookieHeaders", () => {
  it("sets host-only cookies over http", () => {
    const headers = signedCookieHeaders(SIGNED, { domain: undefined, secure: false }, NOW);

    expect(headers).toEqual([
      `CloudFront-Expires=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Strict`,
      `CloudFront-Policy=eyJTdGF0ZW1lbnQiOltdfQ__; Path=${PATH}; Max-Age=299; HttpOnly; SameSite=Strict`,
      `CloudFront-Signature=abc-def~ghi_; Path=${PATH}; Max-Age=299; HttpOnly; SameSite=Strict`,
      `CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; Path=${PATH}; Max-Age=299; HttpOnly; SameSite=Strict`,
      `CloudFront-Hash-Algorithm=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Strict`,
    ]);
  });

  it("adds Domain and Secure when configured", () => {
    const signed = {
      ...SIGNED,
      cookies: [...SIGNED.cookies, { name: "CloudFront-Hash-Algorithm", value: "SHA256" }],
    };

    const headers = signedCookieHeaders(signed, { domain: ".example.org", secure: true }, NOW);

    expect(headers[4]).toBe(
      `CloudFront-Hash-Algorithm=SHA256; Path=${PATH}; Domain=.example.org; Max-Age=299; ` +
        "HttpOnly; Secure; SameSite=Strict",
    );
  });

  it("rejects a value that needs quoting", () => {
    const signed = { ...SIGNED, cookies: [{ name: "CloudFront-Policy", value: "a;b" }] };

    expect(() => signedCookieHeaders(signed, { domain: undefined, secure: false }, NOW)).toThrow(
      "Cookie CloudFront-Policy has a value outside the CloudFront base64 alphabet",
    );
  });
});

describe("deletedCookieHeaders", () => {
  it("deletes every name at every path", () => {
    const other = "/documents/a%20b/images/";

    const headers = deletedCookieHeaders([PATH, other], { domain: ".example.org", secure: true });

    expect(headers).toHaveLength(10);
    expect(headers[0]).toBe(
      `CloudFront-Expires=; Path=${PATH}; Domain=.example.org; Max-Age=0; HttpOnly; Secure; ` +
        "SameSite=Strict",
    );
    expect(headers[9]).toBe(
      `CloudFront-Hash-Algorithm=; Path=${other}; Domain=.example.org; Max-Age=0; HttpOnly; ` +
        "Secure; SameSite=Strict",
    );
  });

  it("rejects a path with a semicolon", () => {
    expect(() =>
      deletedCookieHeaders(["/a;Domain=evil/images/"], { domain: undefined, secure: false }),
    ).toThrow('Cookie path "/a;Domain=evil/images/" is not a percent-encoded URL path');
  });
});

describe("isImagesCookiePath", () => {
  it("accepts only images paths", () => {
    expect(isImagesCookiePath(PATH)).toBe(true);
    expect(isImagesCookiePath("/documents/a%20b/images/")).toBe(true);
    expect(isImagesCookiePath("/documents/x/images")).toBe(false);
    expect(isImagesCookiePath("documents/x/images/")).toBe(false);
    expect(isImagesCookiePath("/documents/x y/images/")).toBe(false);
    expect(isImagesCookiePath("/x;Secure/images/")).toBe(false);
  });
});

describe("cookieScopeOf", () => {
  it("follows the distribution's scheme", () => {
    const local = loadConfig({ NODE_ENV: "production" });
    const production = loadConfig({
      NODE_ENV: "production",
      CLOUDFRONT_URL: "https://files.example.org",
      CLOUDFRONT_COOKIE_DOMAIN: ".example.org",
    });

    expect(cookieScopeOf(local)).toEqual({ domain: undefined, secure: false });
    expect(cookieScopeOf(production)).toEqual({ domain: ".example.org", secure: true });
  });
});
