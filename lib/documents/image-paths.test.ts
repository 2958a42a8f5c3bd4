import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { imagesCookiePathOf, imagesPrefixOf } from "./image-paths";
import { ensureDevelopmentKeyRing } from "@/lib/signing/development-keys";
import { signDocumentCookies } from "@/lib/signing/document-link";

beforeAll(async () => {
  const { file } = await ensureDevelopmentKeyRing(
    mkdtempSync(path.join(os.tmpdir(), "berkas-image-paths-")),
  );
  // getConfig() parses process.env on first use, which is inside the tests below.
  process.env.CLOUDFRONT_KEY_RING_FILE = file;
  process.env.CLOUDFRONT_URL = "http://localhost:3001";
});

describe("imagesCookiePathOf", () => {
  it("matches the signer's cookie Path", () => {
    const objectKeys = [
      "documents/0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10",
      "documents/scan 1",
      "documents/résumé",
      "documents/a;b",
    ];
    for (const objectKey of objectKeys) {
      const signed = signDocumentCookies({
        resourcePrefix: imagesPrefixOf(objectKey),
        kind: "lab_report",
        validUntil: null,
        now: new Date("2026-12-01T10:00:00Z"),
      });
      expect(imagesCookiePathOf(objectKey), objectKey).toBe(signed.path);
    }
  });

  it("encodes the key and ends with a slash", () => {
    expect(imagesCookiePathOf("documents/scan 1")).toBe("/documents/scan%201/images/");
    expect(imagesCookiePathOf("documents/a;b")).toBe("/documents/a%3Bb/images/");
  });
});
