import { describe, expect, it } from "vitest";

import { clientIpOf } from "./client-ip";

describe("clientIpOf", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7, 10.0.0.1", "203.0.113.7"],
    ["::ffff:127.0.0.1", "::ffff:127.0.0.1"],
    [" 2001:db8::1 ,10.0.0.1", "2001:db8::1"],
  ])("reads %j as %j", (header, expected) => {
    expect(clientIpOf(new Headers({ "x-forwarded-for": header }))).toBe(expected);
  });

  it.each(["", "unknown", "203.0.113.7:443", "<script>"])("rejects %j", (header) => {
    expect(clientIpOf(new Headers({ "x-forwarded-for": header }))).toBeNull();
  });

  it("returns null without the header", () => {
    expect(clientIpOf(new Headers())).toBeNull();
  });

  it("takes the entry the trusted proxy appended", () => {
    const forged = new Headers({ "x-forwarded-for": "198.51.100.66, 203.0.113.7" });

    expect(clientIpOf(forged, 1)).toBe("203.0.113.7");
  });

  it("counts two trusted proxies from the end", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.66, 203.0.113.7, 10.0.0.5" });

    expect(clientIpOf(headers, 2)).toBe("203.0.113.7");
  });

  it("returns null when fewer proxies appended than trusted", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7" });

    expect(clientIpOf(headers, 2)).toBeNull();
  });
});
