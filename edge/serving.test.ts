import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";

import { TEST_PUBLIC_ORIGIN, startTestEdge, type TestEdge } from "./testing/edge";
import { send } from "./testing/http";
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
const SIZE = 1_000;
const CONTENT = patternBytes(SIZE);
const REPORT_URL = `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`;

let s3: TestS3;
let edge: TestEdge;
let ecdsa: TestKey;
let rsa: TestKey;
let reportTarget: string;

beforeAll(async () => {
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", CONTENT, {
    contentType: "application/pdf",
    contentDisposition: 'inline; filename="report.pdf"',
  });
  await putTestObject(s3, "documents/a b.txt", Buffer.from("spaced"), {
    contentType: "text/plain",
  });
  await putTestObject(s3, "documents/empty.txt", Buffer.alloc(0), { contentType: "text/plain" });
  await putTestObject(s3, "documents/cached.txt", Buffer.from("cached"), {
    contentType: "text/plain",
    cacheControl: "private, max-age=60",
  });
  ecdsa = generateTestKey("KEDGESERVEEC01", "ECDSA_P256");
  rsa = generateTestKey("KEDGESERVERSA1", "RSA");
  const ring = keyRingOf([
    { key: ecdsa, status: "active" },
    { key: rsa, status: "retired" },
  ]);
  const keys = trustedKeysOf(ring);
  edge = await startTestEdge({
    s3: s3.client,
    bucket: s3.bucket,
    trustedKeys: () => keys,
    now: NOW,
  });
  reportTarget = targetOf(signTestUrl(ecdsa, REPORT_URL, LATER));
});

afterAll(async () => {
  await edge.close();
  await s3.close();
});

describe("edge serving", () => {
  it("streams the exact bytes and headers", async () => {
    const stored = await s3.client.send(
      new HeadObjectCommand({ Bucket: s3.bucket, Key: "documents/report.pdf" }),
    );
    const response = await send(edge.port, reportTarget);
    expect(response.status).toBe(200);
    expect(response.body.equals(CONTENT)).toBe(true);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-length"]).toBe(String(SIZE));
    expect(response.headers.etag).toBe(stored.ETag);
    expect(response.headers["last-modified"]).toBe(stored.LastModified?.toUTCString());
    expect(response.headers["content-disposition"]).toBe('inline; filename="report.pdf"');
    expect(response.headers["accept-ranges"]).toBe("bytes");
    expect(response.headers["cache-control"]).toBe("private, no-store");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("accepts RSA SHA-1 signed URLs", async () => {
    const url = signTestUrl(rsa, REPORT_URL, LATER, "SHA1");
    const response = await send(edge.port, targetOf(url));
    expect(response.status).toBe(200);
    expect(response.body.equals(CONTENT)).toBe(true);
  });

  it("accepts wildcard signed cookies", async () => {
    const cookie = signTestCookieHeader(
      ecdsa,
      wildcardPolicy(`${TEST_PUBLIC_ORIGIN}/documents/*`, LATER),
    );
    const response = await send(edge.port, "/documents/report.pdf", { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.body.equals(CONTENT)).toBe(true);
  });

  it("ignores the Host header", async () => {
    const response = await send(edge.port, reportTarget, { headers: { host: "attacker.example" } });
    expect(response.status).toBe(200);
  });

  it("maps the percent-encoded path to the key", async () => {
    const url = signTestUrl(ecdsa, `${TEST_PUBLIC_ORIGIN}/documents/a%20b.txt`, LATER);
    const response = await send(edge.port, targetOf(url));
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("spaced");
  });

  it("keeps a Cache-Control stored with the object", async () => {
    const url = signTestUrl(ecdsa, `${TEST_PUBLIC_ORIGIN}/documents/cached.txt`, LATER);
    const response = await send(edge.port, targetOf(url));
    expect(response.headers["cache-control"]).toBe("private, max-age=60");
  });

  it("answers HEAD with headers only", async () => {
    const response = await send(edge.port, reportTarget, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(0);
    expect(response.headers["content-length"]).toBe(String(SIZE));
    expect(response.headers["content-type"]).toBe("application/pdf");
  });

  it("sends 304 for a matching If-None-Match", async () => {
    const first = await send(edge.port, reportTarget);
    const etag = String(first.headers.etag);
    const response = await send(edge.port, reportTarget, { headers: { "if-none-match": etag } });
    expect(response.status).toBe(304);
    expect(response.body.length).toBe(0);
  });

  it("sends NoSuchKey for a missing object", async () => {
    const url = signTestUrl(ecdsa, `${TEST_PUBLIC_ORIGIN}/documents/missing.pdf`, LATER);
    const response = await send(edge.port, targetOf(url));
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("application/xml");
    expect(response.body.toString()).toContain("<Code>NoSuchKey</Code>");
    expect(response.body.toString()).toContain("<Key>documents/missing.pdf</Key>");
  });

  it("rejects a dot segment in the key", async () => {
    const cookie = signTestCookieHeader(
      ecdsa,
      wildcardPolicy(`${TEST_PUBLIC_ORIGIN}/documents/*`, LATER),
    );
    const response = await send(edge.port, "/documents/%2E%2E/%2E%2E/etc/passwd", {
      headers: { cookie },
    });
    expect(response.status).toBe(400);
    expect(response.body.toString()).toContain("<Code>InvalidURI</Code>");
  });
});

describe("edge ranges", () => {
  const cases: Array<{ range: string; first: number; last: number }> = [
    { range: "bytes=10-19", first: 10, last: 19 },
    { range: "bytes=990-", first: 990, last: 999 },
    { range: "bytes=-7", first: 993, last: 999 },
    { range: "bytes=-5000", first: 0, last: 999 },
    { range: "bytes=0-0", first: 0, last: 0 },
    { range: "bytes=995-5000", first: 995, last: 999 },
  ];
  for (const { range, first, last } of cases) {
    it(`serves ${range}`, async () => {
      const response = await send(edge.port, reportTarget, { headers: { range } });
      expect(response.status).toBe(206);
      expect(response.headers["content-range"]).toBe(`bytes ${first}-${last}/${SIZE}`);
      expect(response.headers["content-length"]).toBe(String(last - first + 1));
      expect(response.body.equals(CONTENT.subarray(first, last + 1))).toBe(true);
    });
  }

  for (const range of ["bytes=1000-", "bytes=5000-6000", "bytes=-0"]) {
    it(`rejects ${range} with 416`, async () => {
      const response = await send(edge.port, reportTarget, { headers: { range } });
      expect(response.status).toBe(416);
      expect(response.headers["content-range"]).toBe(`bytes */${SIZE}`);
      expect(response.body.toString()).toContain("<Code>InvalidRange</Code>");
    });
  }

  it("rejects any range of an empty object", async () => {
    const url = signTestUrl(ecdsa, `${TEST_PUBLIC_ORIGIN}/documents/empty.txt`, LATER);
    const response = await send(edge.port, targetOf(url), { headers: { range: "bytes=0-" } });
    expect(response.status).toBe(416);
    expect(response.headers["content-range"]).toBe("bytes */0");
  });

  for (const range of ["bytes=0-1,5-6", "bytes=9-3", "items=0-5", "bytes=abc", "bytes="]) {
    it(`serves the whole object for ${range}`, async () => {
      const response = await send(edge.port, reportTarget, { headers: { range } });
      expect(response.status).toBe(200);
      expect(response.body.equals(CONTENT)).toBe(true);
    });
  }

  it("ignores Range when If-Range is stale", async () => {
    const response = await send(edge.port, reportTarget, {
      headers: { range: "bytes=0-9", "if-range": '"stale-etag"' },
    });
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(SIZE);
  });

  it("applies Range when If-Range matches", async () => {
    const etag = String((await send(edge.port, reportTarget, { method: "HEAD" })).headers.etag);
    const response = await send(edge.port, reportTarget, {
      headers: { range: "bytes=0-9", "if-range": etag },
    });
    expect(response.status).toBe(206);
    expect(response.body.equals(CONTENT.subarray(0, 10))).toBe(true);
  });

  it("answers a ranged HEAD with 206 headers", async () => {
    const response = await send(edge.port, reportTarget, {
      method: "HEAD",
      headers: { range: "bytes=-10" },
    });
    expect(response.status).toBe(206);
    expect(response.headers["content-range"]).toBe(`bytes 990-999/${SIZE}`);
    expect(response.headers["content-length"]).toBe("10");
    expect(response.body.length).toBe(0);
  });
});
