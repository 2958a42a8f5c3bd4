import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";

import { TEST_PUBLIC_ORIGIN, startTestEdge, type TestEdge } from "./testing/edge";
import { send, type TestResponse } from "./testing/http";
import { generateTestKey, keyRingOf, signTestUrl, targetOf, type TestKey } from "./testing/keys";
import { patternBytes, putTestObject, startTestS3, type TestS3 } from "./testing/s3";

// CloudFront's error bodies, byte for byte: one line, no trailing newline.
const BODIES = {
  MissingKey:
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>',
  InvalidKey:
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidKey</Code><Message>Unknown Key</Message></Error>',
  AccessDenied:
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>',
  MalformedPolicy:
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MalformedPolicy</Code><Message>Malformed Policy</Message></Error>',
  MalformedSignature:
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MalformedSignature</Code><Message>Could not unencode Signature</Message></Error>',
} as const;

const NOW = new Date("2026-12-04T12:00:00Z");
const LATER = new Date(NOW.getTime() + 300_000);
const OBJECT_URL = `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`;

let s3: TestS3;
let edge: TestEdge;
let key: TestKey;
let stranger: TestKey;

beforeAll(async () => {
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", patternBytes(100));
  key = generateTestKey("KEDGEDENIAL001", "ECDSA_P256");
  stranger = generateTestKey("KEDGESTRANGER1", "ECDSA_P256");
  const keys = trustedKeysOf(keyRingOf([{ key, status: "active" }]));
  edge = await startTestEdge({
    s3: s3.client,
    bucket: s3.bucket,
    trustedKeys: () => keys,
    now: NOW,
  });
});

afterAll(async () => {
  await edge.close();
  await s3.close();
});

function expectCloudFrontError(response: TestResponse, code: keyof typeof BODIES): void {
  expect(response.status).toBe(403);
  expect(response.body.toString("latin1")).toBe(BODIES[code]);
  expect(response.headers["content-type"]).toBe("text/xml");
  expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(BODIES[code])));
  expect(response.headers.server).toBe("CloudFront");
  expect(response.headers["x-cache"]).toBe("Error from cloudfront");
  const cors = Object.keys(response.headers).filter((name) => name.startsWith("access-control-"));
  expect(cors).toEqual([]);
}

describe("edge denials", () => {
  it("sends MissingKey without signing parameters", async () => {
    const response = await send(edge.port, "/documents/report.pdf");
    expectCloudFrontError(response, "MissingKey");
    expect(response.headers["content-length"]).toBe("146");
  });

  it("sends InvalidKey for an untrusted key", async () => {
    const url = signTestUrl(stranger, OBJECT_URL, LATER);
    expectCloudFrontError(await send(edge.port, targetOf(url)), "InvalidKey");
  });

  it("sends AccessDenied for an expired URL", async () => {
    const url = signTestUrl(key, OBJECT_URL, new Date(NOW.getTime() - 1_000));
    const response = await send(edge.port, targetOf(url));
    expectCloudFrontError(response, "AccessDenied");
    expect(response.headers["content-length"]).toBe("110");
  });

  it("sends AccessDenied for another path", async () => {
    const url = signTestUrl(key, OBJECT_URL, LATER);
    const target = targetOf(url).replace("report.pdf", "other.pdf");
    expectCloudFrontError(await send(edge.port, target), "AccessDenied");
  });

  it("sends MalformedPolicy for an undecodable Policy", async () => {
    const target = `/documents/report.pdf?Policy=%25%25&Signature=AAAA&Key-Pair-Id=${key.keyPairId}`;
    expectCloudFrontError(await send(edge.port, target), "MalformedPolicy");
  });

  it("sends MalformedSignature for an undecodable Signature", async () => {
    const url = signTestUrl(key, OBJECT_URL, LATER);
    const target = targetOf(url).replace(/Signature=[^&]*/, "Signature=not*base64");
    expectCloudFrontError(await send(edge.port, target), "MalformedSignature");
  });

  it("sends the same headers without a body to HEAD", async () => {
    const response = await send(edge.port, "/documents/report.pdf", { method: "HEAD" });
    expect(response.status).toBe(403);
    expect(response.body.length).toBe(0);
    expect(response.headers["content-length"]).toBe("146");
    expect(response.headers["content-type"]).toBe("text/xml");
  });

  it("rejects other methods like CloudFront", async () => {
    const url = signTestUrl(key, OBJECT_URL, LATER);
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"]) {
      const response = await send(edge.port, targetOf(url), { method });
      expect(response.status, method).toBe(403);
      expect(response.headers["content-type"], method).toBe("text/html");
      expect(response.headers.server, method).toBe("CloudFront");
      expect(response.body.toString(), method).toContain(
        "This distribution is not configured to allow the HTTP request method that was used " +
          "for this request. The distribution supports only cachable requests.",
      );
    }
  });

  it("denies a signed URL with added cookies", async () => {
    const url = signTestUrl(key, OBJECT_URL, LATER);
    const partial = targetOf(url).replace(/&Signature=[^&]*/, "");
    const response = await send(edge.port, partial, {
      headers: { cookie: "CloudFront-Signature=AAAA" },
    });
    expectCloudFrontError(response, "MalformedSignature");
  });
});
