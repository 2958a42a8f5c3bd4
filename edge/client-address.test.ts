import { getSignedUrl } from "@aws-sdk/cloudfront-signer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";
import type { TrustedKeyLookup } from "@/lib/cloudfront/types";

import { TEST_PUBLIC_ORIGIN, startTestEdge, type TestEdge } from "./testing/edge";
import { send } from "./testing/http";
import { generateTestKey, keyRingOf, targetOf, type TestKey } from "./testing/keys";
import { patternBytes, putTestObject, startTestS3, type TestS3 } from "./testing/s3";

const NOW = new Date("2026-12-04T12:00:00Z");
const LATER = new Date(NOW.getTime() + 300_000);

let s3: TestS3;
let key: TestKey;
let keys: TrustedKeyLookup;
const edges: TestEdge[] = [];

beforeAll(async () => {
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", patternBytes(64));
  key = generateTestKey("KEDGECLIENTIP1", "ECDSA_P256");
  keys = trustedKeysOf(keyRingOf([{ key, status: "active" }]));
});

afterAll(async () => {
  for (const edge of edges) await edge.close();
  await s3.close();
});

async function edgeWith(options: { host?: string; trustForwardedFor?: boolean }) {
  const edge = await startTestEdge({
    s3: s3.client,
    bucket: s3.bucket,
    trustedKeys: () => keys,
    now: NOW,
    ...options,
  });
  edges.push(edge);
  return edge;
}

/** Returns the request-target of a URL bound to `sourceIp` with a custom policy. */
function boundTo(sourceIp: string): string {
  const url = getSignedUrl({
    url: `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`,
    keyPairId: key.keyPairId,
    privateKey: key.privateKeyPem,
    dateLessThan: LATER,
    ipAddress: sourceIp,
  });
  return targetOf(url);
}

describe("edge client address", () => {
  it("matches the TCP peer address", async () => {
    const edge = await edgeWith({});
    expect((await send(edge.port, boundTo("127.0.0.1/32"))).status).toBe(200);
    expect((await send(edge.port, boundTo("192.0.2.1/32"))).status).toBe(403);
  });

  it("unwraps IPv4-mapped peers", async () => {
    // A dual-stack socket reports an IPv4 client as ::ffff:127.0.0.1.
    const edge = await edgeWith({ host: "::ffff:127.0.0.1" });
    expect((await send(edge.port, boundTo("127.0.0.1/32"))).status).toBe(200);
  });

  it("ignores X-Forwarded-For by default", async () => {
    const edge = await edgeWith({});
    const headers = { "x-forwarded-for": "203.0.113.9" };
    const response = await send(edge.port, boundTo("203.0.113.9/32"), { headers });
    expect(response.status).toBe(403);
    expect(response.body.toString()).toContain("<Code>AccessDenied</Code>");
  });

  it("uses X-Forwarded-For when trusted", async () => {
    const edge = await edgeWith({ trustForwardedFor: true });
    const headers = { "x-forwarded-for": "198.51.100.7, 203.0.113.9" };
    expect((await send(edge.port, boundTo("203.0.113.9/32"), { headers })).status).toBe(200);
    expect((await send(edge.port, boundTo("198.51.100.7/32"), { headers })).status).toBe(403);
  });
});
