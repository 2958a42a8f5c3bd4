import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { readKeyRing, trustedKeysOf } from "@/lib/cloudfront/key-ring";
import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";
import { AppError } from "@/lib/errors";

import { ensureDevelopmentKeyRing } from "./development-keys";
import { signDocumentCookies, signDocumentLink } from "./document-link";

const ORIGIN = "http://localhost:3001";
const NOW = new Date("2026-12-05T10:00:00.250Z");
const NOW_S = Math.floor(NOW.getTime() / 1000);
let keys: TrustedKeyLookup;

beforeAll(async () => {
  const { file } = await ensureDevelopmentKeyRing(
    mkdtempSync(path.join(os.tmpdir(), "berkas-link-")),
  );
  // getConfig() parses process.env on first use, which is inside the tests below.
  process.env.CLOUDFRONT_KEY_RING_FILE = file;
  process.env.CLOUDFRONT_URL = ORIGIN;
  process.env.LINK_TTL_SECONDS_INVOICE = "900";
  keys = trustedKeysOf(readKeyRing(file));
});

function verify(url: string, options: { now?: Date; ip?: string; cookie?: string } = {}) {
  return verifyViewerRequest(
    {
      origin: ORIGIN,
      rawTarget: url.slice(ORIGIN.length),
      cookieHeader: options.cookie,
      clientIp: options.ip ?? "127.0.0.1",
    },
    keys,
    options.now ?? NOW,
  );
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

describe("signDocumentLink", () => {
  it("signs links for awkward object keys", () => {
    const objectKeys = [
      "documents/0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10",
      "documents/scan 1.pdf",
      "documents/a+b.pdf",
      "documents/#1.pdf",
      "documents/what?.pdf",
      "documents/100%.pdf",
      `documents/"quoted" 'single'.pdf`,
      "documents/résumé 文件.pdf",
    ];
    for (const objectKey of objectKeys) {
      const { url } = signDocumentLink({
        objectKey,
        kind: "lab_report",
        validUntil: null,
        now: NOW,
      });
      const verdict = verify(url);
      expect(verdict.allowed, `${objectKey}: ${verdict.allowed ? "" : verdict.reason}`).toBe(true);
      const decoded = decodeURIComponent(verdict.allowed ? verdict.originPath : "").slice(1);
      expect(decoded).toBe(objectKey);
    }
  });

  it("uses the TTL of the document kind", () => {
    const link = (kind: "prescription" | "invoice" | "identity_document") =>
      signDocumentLink({ objectKey: "documents/a", kind, validUntil: null, now: NOW }).expiresAt;
    expect(link("prescription").getTime() / 1000).toBe(NOW_S + 300);
    expect(link("invoice").getTime() / 1000).toBe(NOW_S + 900);
    expect(link("identity_document").getTime() / 1000).toBe(NOW_S + 60);
  });

  it("never outlives the document", () => {
    const validUntil = new Date(NOW.getTime() + 42_500);
    const { url, expiresAt } = signDocumentLink({
      objectKey: "documents/a",
      kind: "prescription",
      validUntil,
      now: NOW,
    });
    expect(expiresAt.getTime() / 1000).toBe(NOW_S + 42);
    expect(url).toContain(`Expires=${NOW_S + 42}&`);
    expect(verify(url, { now: new Date((NOW_S + 41) * 1000) }).allowed).toBe(true);
    expect(verify(url, { now: new Date((NOW_S + 42) * 1000) }).allowed).toBe(false);
    expect(verify(url, { now: validUntil }).allowed).toBe(false);
  });

  it("refuses documents past validUntil", () => {
    for (const validUntil of [NOW, new Date(NOW.getTime() - 1), new Date(NOW.getTime() + 500)]) {
      const error = appErrorOf(() =>
        signDocumentLink({ objectKey: "documents/a", kind: "prescription", validUntil, now: NOW }),
      );
      expect(error.code).toBe("forbidden");
      expect(error.userMessage).toBe("This document is no longer available.");
    }
  });

  it("binds a link to an IPv4 client", () => {
    const { url } = signDocumentLink({
      objectKey: "documents/a",
      kind: "identity_document",
      validUntil: null,
      now: NOW,
      clientIp: "::ffff:192.0.2.44",
    });
    expect(url).toContain("?Policy=");
    expect(verify(url, { ip: "192.0.2.44" }).allowed).toBe(true);
    const other = verify(url, { ip: "192.0.2.45" });
    expect(other.allowed ? "" : other.reason).toBe(
      "custom policy: client 192.0.2.45 is outside 192.0.2.44/32",
    );
  });

  it("refuses to bind IPv6 clients", () => {
    const error = appErrorOf(() =>
      signDocumentLink({
        objectKey: "documents/a",
        kind: "identity_document",
        validUntil: null,
        now: NOW,
        clientIp: "2001:db8::7",
      }),
    );
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe(
      "client address 2001:db8::7 is not IPv4; CloudFront's AWS:SourceIp accepts only IPv4",
    );
  });
});

describe("signDocumentCookies", () => {
  it("covers every file under the prefix", () => {
    const signed = signDocumentCookies({
      resourcePrefix: "documents/7f1c",
      kind: "lab_report",
      validUntil: null,
      now: NOW,
    });
    expect(signed.path).toBe("/documents/7f1c");
    expect(signed.expiresAt.getTime() / 1000).toBe(NOW_S + 300);
    const cookie = signed.cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
    expect(signed.cookies.map(({ name }) => name)).toEqual([
      "CloudFront-Policy",
      "CloudFront-Key-Pair-Id",
      "CloudFront-Signature",
      "CloudFront-Hash-Algorithm",
    ]);
    expect(verify(`${ORIGIN}/documents/7f1c/page-2.png`, { cookie }).allowed).toBe(true);
    expect(verify(`${ORIGIN}/documents/8a2d/page-2.png`, { cookie }).allowed).toBe(false);
  });
});
