import { describe, expect, it } from "vitest";

import { clientIpOf, normalizeIp } from "./client-ip";

describe("normalizeIp", () => {
  it("unwraps an IPv4-mapped address", () => {
    expect(normalizeIp("::ffff:192.0.2.7")).toBe("192.0.2.7");
  });

  it("unwraps upper-case hex digits", () => {
    expect(normalizeIp("::FFFF:192.0.2.7")).toBe("192.0.2.7");
  });

  it("keeps plain IPv4 and IPv6", () => {
    expect(normalizeIp("192.0.2.7")).toBe("192.0.2.7");
    expect(normalizeIp("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeIp("::1")).toBe("::1");
  });

  it("keeps a mapped prefix without IPv4", () => {
    expect(normalizeIp("::ffff:abcd")).toBe("::ffff:abcd");
  });
});

describe("clientIpOf", () => {
  it("uses the peer by default", () => {
    expect(clientIpOf("::ffff:10.0.0.1", "203.0.113.9", false)).toBe("10.0.0.1");
  });

  it("uses the last forwarded entry when trusted", () => {
    expect(clientIpOf("10.0.0.1", "198.51.100.1, 203.0.113.9", true)).toBe("203.0.113.9");
  });

  it("joins repeated forwarded headers", () => {
    expect(clientIpOf("10.0.0.1", ["198.51.100.1", "203.0.113.9"], true)).toBe("203.0.113.9");
  });

  it("falls back to the peer for garbage", () => {
    expect(clientIpOf("10.0.0.1", "not-an-ip", true)).toBe("10.0.0.1");
  });

  it("returns empty for a closed socket", () => {
    expect(clientIpOf(undefined, undefined, false)).toBe("");
  });
});
