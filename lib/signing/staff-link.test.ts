import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { fromCloudFrontBase64 } from "@/lib/cloudfront/encoding";
import { activeKeyOf, readKeyRing, trustedKeysOf } from "@/lib/cloudfront/key-ring";
import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";
import { AppError } from "@/lib/errors";

import { ensureDevelopmentKeyRing } from "./development-keys";
import { signStaffLink } from "./staff-link";

const ORIGIN = "http://localhost:3001";
const OBJECT_KEY = "documents/6f0e4c1a-93d2-4b7e-8a55-0c2f7d1b9e34";
const NOW = new Date("2026-12-05T10:00:00.250Z");
const NOW_S = Math.floor(NOW.getTime() / 1000);
let keys: TrustedKeyLookup;
let activeKeyPairId: string | undefined;

beforeAll(async () => {
  const { file } = await ensureDevelopmentKeyRing(
    mkdtempSync(path.join(os.tmpdir(), "berkas-staff-link-")),
  );
  // getConfig() parses process.env on first use, which is inside the tests below.
  process.env.CLOUDFRONT_KEY_RING_FILE = file;
  process.env.CLOUDFRONT_URL = ORIGIN;
  const ring = readKeyRing(file);
  keys = trustedKeysOf(ring);
  activeKeyPairId = activeKeyOf(ring)?.keyPairId;
});

function verify(url: string, options: { now?: Date; ip?: string } = {}) {
  return verifyViewerRequest(
    {
      origin: ORIGIN,
      rawTarget: url.slice(ORIGIN.length),
      cookieHeader: undefined,
      clientIp: options.ip ?? "192.0.2.44",
    },
    keys,
    options.now ?? NOW,
  );
}

function reasonOf(verdict: ReturnType<typeof verify>): string {
  return verdict.allowed ? "allowed" : verdict.reason;
}

function policyOf(url: string): unknown {
  const policy = new URL(url).searchParams.get("Policy") ?? "";
  return JSON.parse(fromCloudFrontBase64(policy)?.toString("utf8") ?? "null");
}

function appErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("signStaffLink", () => {
  it("signs a custom policy for the exact URL", () => {
    const link = signStaffLink({ objectKey: OBJECT_KEY, clientIp: undefined, now: NOW });

    expect(link.policyType).toBe("custom");
    expect(link.keyPairId).toBe(activeKeyPairId);
    expect(link.url.startsWith(`${ORIGIN}/${OBJECT_KEY}?Policy=`)).toBe(true);
    expect(link.url).not.toContain("Expires=");
    expect(link.url).toContain(`&Key-Pair-Id=${activeKeyPairId}&`);
    expect(link.expiresAt.getTime()).toBe((NOW_S + 60) * 1000);
    expect(policyOf(link.url)).toEqual({
      Statement: [
        {
          Resource: `${ORIGIN}/${OBJECT_KEY}`,
          Condition: { DateLessThan: { "AWS:EpochTime": NOW_S + 60 } },
        },
      ],
    });
    expect(reasonOf(verify(link.url))).toBe("allowed");
  });

  it("binds the link to an IPv4 client", () => {
    const { url } = signStaffLink({ objectKey: OBJECT_KEY, clientIp: "192.0.2.44", now: NOW });

    expect(policyOf(url)).toEqual({
      Statement: [
        {
          Resource: `${ORIGIN}/${OBJECT_KEY}`,
          Condition: {
            DateLessThan: { "AWS:EpochTime": NOW_S + 60 },
            IpAddress: { "AWS:SourceIp": "192.0.2.44/32" },
          },
        },
      ],
    });
    expect(reasonOf(verify(url, { ip: "192.0.2.44" }))).toBe("allowed");
    expect(reasonOf(verify(url, { ip: "192.0.2.45" }))).toBe(
      "custom policy: client 192.0.2.45 is outside 192.0.2.44/32",
    );
  });

  it("binds an IPv4-mapped address as IPv4", () => {
    const { url } = signStaffLink({
      objectKey: OBJECT_KEY,
      clientIp: "::ffff:192.0.2.44",
      now: NOW,
    });

    expect(reasonOf(verify(url, { ip: "192.0.2.44" }))).toBe("allowed");
    expect(reasonOf(verify(url, { ip: "198.51.100.7" }))).toBe(
      "custom policy: client 198.51.100.7 is outside 192.0.2.44/32",
    );
  });

  it("stops working after its TTL", () => {
    const { url } = signStaffLink({ objectKey: OBJECT_KEY, clientIp: "192.0.2.44", now: NOW });

    expect(reasonOf(verify(url, { now: new Date((NOW_S + 59) * 1000 + 999) }))).toBe("allowed");
    expect(reasonOf(verify(url, { now: new Date((NOW_S + 60) * 1000) }))).toBe(
      `custom policy: expired 0 s ago (DateLessThan ${NOW_S + 60} is 2026-12-05T10:01:00Z)`,
    );
  });

  it("covers no other object", () => {
    const { url } = signStaffLink({ objectKey: OBJECT_KEY, clientIp: undefined, now: NOW });
    const otherUrl = url.replace(OBJECT_KEY, "documents/0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10");

    const verdict = verify(otherUrl);

    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? "" : verdict.code).toBe("AccessDenied");
  });

  it("rejects IPv6 clients", () => {
    const error = appErrorOf(() =>
      signStaffLink({ objectKey: OBJECT_KEY, clientIp: "2001:db8::7", now: NOW }),
    );

    expect(error.code).toBe("forbidden");
    expect(error.userMessage).toBe(
      "This link must be bound to your network address, which needs an IPv4 connection.",
    );
    expect(error.message).toBe(
      `client address "2001:db8::7" is not IPv4; CloudFront's AWS:SourceIp accepts only IPv4`,
    );
  });

  it("rejects a non-IP client value", () => {
    const error = appErrorOf(() =>
      signStaffLink({ objectKey: OBJECT_KEY, clientIp: "unknown", now: NOW }),
    );

    expect(error.code).toBe("forbidden");
    expect(error.message).toBe(
      `client address "unknown" is not an IP address; CloudFront's AWS:SourceIp accepts only IPv4`,
    );
  });
});
