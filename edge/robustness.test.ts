import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";

import { TEST_PUBLIC_ORIGIN, startTestEdge, type TestEdge } from "./testing/edge";
import { send, sendRaw, statusOfRaw } from "./testing/http";
import {
  generateTestKey,
  keyRingOf,
  signTestCookieHeader,
  signTestUrl,
  targetOf,
  wildcardPolicy,
  type TestKey,
} from "./testing/keys";
import { patternBytes, putTestObject, startTestS3, type TestS3 } from "./testing/s3";

const NOW = new Date("2026-12-04T12:00:00Z");
const LATER = new Date(NOW.getTime() + 300_000);

let s3: TestS3;
let edge: TestEdge;
let key: TestKey;
let cookie: string;

beforeAll(async () => {
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", patternBytes(64));
  key = generateTestKey("KEDGEROBUST001", "ECDSA_P256");
  const keys = trustedKeysOf(keyRingOf([{ key, status: "active" }]));
  edge = await startTestEdge({
    s3: s3.client,
    bucket: s3.bucket,
    trustedKeys: () => keys,
    now: NOW,
  });
  cookie = signTestCookieHeader(key, wildcardPolicy(`${TEST_PUBLIC_ORIGIN}/*`, LATER));
});

afterAll(async () => {
  await edge.close();
  await s3.close();
});

function rawGet(target: string, headers = ""): string {
  return `GET ${target} HTTP/1.1\r\nHost: edge.test\r\n${headers}Connection: close\r\n\r\n`;
}

describe("edge robustness", () => {
  const malformed: Array<{ name: string; bytes: string; status: number }> = [
    { name: "garbage request line", bytes: "GARBAGE\r\n\r\n", status: 400 },
    { name: "space in the target", bytes: rawGet("/documents/a b"), status: 400 },
    { name: "CR in a header value", bytes: rawGet("/", "X-A: a\rb\r\n"), status: 400 },
    { name: "header without a colon", bytes: rawGet("/", "Broken header\r\n"), status: 400 },
    {
      name: "absolute-form target",
      bytes: rawGet("http://edge.test/documents/report.pdf"),
      status: 400,
    },
    { name: "asterisk target", bytes: rawGet("*"), status: 400 },
    {
      name: "oversized headers",
      bytes: rawGet("/", `X-Big: ${"a".repeat(30_000)}\r\n`),
      status: 431,
    },
    { name: "URL over 8192 bytes", bytes: rawGet(`/documents/${"a".repeat(9_000)}`), status: 414 },
    {
      name: "unknown method",
      bytes: "BREW /documents/report.pdf HTTP/1.1\r\nHost: x\r\n\r\n",
      status: 400,
    },
    {
      name: "odd method",
      bytes: "PROPFIND / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      status: 403,
    },
  ];
  for (const { name, bytes, status } of malformed) {
    it(`answers ${name} with ${status}`, async () => {
      expect(statusOfRaw(await sendRaw(edge.port, bytes))).toBe(status);
    });
  }

  const badKeys = [
    "/documents/%ZZ",
    "/documents/%C0%AF",
    "/documents/%00",
    "/documents/%E9",
    "/%2e/x",
  ];
  for (const target of badKeys) {
    it(`rejects the key of ${target}`, async () => {
      const response = await send(edge.port, target, { headers: { cookie } });
      expect(response.status).toBe(400);
      expect(response.body.toString()).toContain("<Code>InvalidURI</Code>");
    });
  }

  it("rejects a key over 1024 bytes", async () => {
    const response = await send(edge.port, `/${"k/".repeat(600)}`, { headers: { cookie } });
    expect(response.status).toBe(400);
    expect(response.body.toString()).toContain("<Code>KeyTooLongError</Code>");
  });

  it("serves the longest segment s3rver stores", async () => {
    const path = `/${"d".repeat(233)}/${"f".repeat(233)}`;
    const response = await send(edge.port, path, { headers: { cookie } });
    expect(response.status).toBe(404);
    expect(response.body.toString()).toContain("<Code>NoSuchKey</Code>");
  });

  it("rejects a segment s3rver cannot store", async () => {
    const response = await send(edge.port, `/documents/${"x".repeat(240)}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(400);
    expect(response.body.toString()).toContain("<Code>InvalidURI</Code>");
  });

  it("answers the bucket root as a missing key", async () => {
    const response = await send(edge.port, "/", { headers: { cookie } });
    expect(response.status).toBe(404);
    expect(response.body.toString()).toContain("<Code>NoSuchKey</Code>");
  });

  it("denies garbage signed cookies", async () => {
    const garbage = [
      "CloudFront-Key-Pair-Id=; CloudFront-Signature=",
      `CloudFront-Key-Pair-Id=${key.keyPairId}; CloudFront-Signature=%%%; CloudFront-Expires=x`,
      `CloudFront-Key-Pair-Id=${key.keyPairId}; CloudFront-Policy=${"A".repeat(8_000)}`,
      'CloudFront-Key-Pair-Id=""; =; ;;; CloudFront-=1',
    ];
    for (const value of garbage) {
      const response = await send(edge.port, "/documents/report.pdf", {
        headers: { cookie: value },
      });
      expect(response.status, value).toBe(403);
    }
  });

  it("accepts raw UTF-8 bytes without crashing", async () => {
    const bytes = Buffer.concat([
      Buffer.from("GET /documents/"),
      Buffer.from("é", "utf8"),
      Buffer.from(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    ]);
    const status = statusOfRaw(await sendRaw(edge.port, bytes));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it("still serves after malformed requests", async () => {
    const url = signTestUrl(key, `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`, LATER);
    const response = await send(edge.port, targetOf(url));
    expect(response.status).toBe(200);
    expect(response.body.equals(patternBytes(64))).toBe(true);
  });
});
