import { once } from "node:events";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";
import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import { createS3Client } from "@/lib/storage/client";

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
import { startRecordingProxy, type RecordingProxy } from "./testing/recording-proxy";
import { patternBytes, putTestObject, s3SettingsFor, startTestS3, type TestS3 } from "./testing/s3";

const NOW = new Date("2026-12-04T12:00:00Z");
const LATER = new Date(NOW.getTime() + 300_000);
const SIGNING_PARAMETERS = ["Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"];
const LARGE_SIZE = 16 * 1024 * 1024;

let s3: TestS3;
let proxy: RecordingProxy;
let edge: TestEdge;
let key: TestKey;
let keys: TrustedKeyLookup;

beforeAll(async () => {
  s3 = await startTestS3();
  await putTestObject(s3, "documents/report.pdf", patternBytes(100), {
    contentType: "application/pdf",
  });
  await putTestObject(s3, "documents/large.bin", patternBytes(LARGE_SIZE));
  proxy = await startRecordingProxy(s3.port);
  key = generateTestKey("KEDGEORIGIN001", "ECDSA_P256");
  keys = trustedKeysOf(keyRingOf([{ key, status: "active" }]));
  const client = createS3Client(s3SettingsFor(proxy.endpoint));
  edge = await startTestEdge({ s3: client, bucket: s3.bucket, trustedKeys: () => keys, now: NOW });
});

afterAll(async () => {
  await edge.close();
  await proxy.close();
  await s3.close();
});

function requestsFor(objectKey: string) {
  return proxy.requests.filter((request) => request.url.startsWith(`/${s3.bucket}/${objectKey}`));
}

describe("edge origin requests", () => {
  it("treats a Signature query as S3 query auth", async () => {
    // The control for the next test: s3rver rejects a request that carries `Signature`.
    const response = await send(s3.port, `/${s3.bucket}/documents/report.pdf?Signature=AAAA`);
    expect(response.status).toBe(403);
  });

  it("forwards the user query, not the signing parameters", async () => {
    const disposition = encodeURIComponent('attachment; filename="proof.pdf"');
    const url = signTestUrl(
      key,
      `${TEST_PUBLIC_ORIGIN}/documents/report.pdf?response-content-disposition=${disposition}`,
      LATER,
    );
    const response = await send(edge.port, targetOf(url), {
      headers: { cookie: "CloudFront-Policy=abc; session=xyz" },
    });
    expect(response.status).toBe(200);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="proof.pdf"');

    const forwarded = requestsFor("documents/report.pdf").at(-1);
    expect(forwarded?.method).toBe("GET");
    expect(forwarded?.url).toContain("response-content-disposition=attachment");
    for (const name of SIGNING_PARAMETERS) expect(forwarded?.url).not.toContain(`${name}=`);
    expect(forwarded?.headers.cookie).toBeUndefined();
  });

  it("forwards no signed cookies", async () => {
    const cookie = signTestCookieHeader(
      key,
      wildcardPolicy(`${TEST_PUBLIC_ORIGIN}/documents/*`, LATER),
    );
    const before = requestsFor("documents/report.pdf").length;
    const response = await send(edge.port, "/documents/report.pdf", { headers: { cookie } });
    expect(response.status).toBe(200);

    const forwarded = requestsFor("documents/report.pdf").slice(before);
    expect(forwarded.length).toBe(1);
    expect(forwarded[0]?.headers.cookie).toBeUndefined();
    expect(forwarded[0]?.url).toBe(`/${s3.bucket}/documents/report.pdf?x-id=GetObject`);
  });

  it("closes the S3 stream when the viewer leaves", async () => {
    const url = signTestUrl(key, `${TEST_PUBLIC_ORIGIN}/documents/large.bin`, LATER);
    const before = requestsFor("documents/large.bin").length;
    const socket = connect({ host: "127.0.0.1", port: edge.port });
    socket.write(`GET ${targetOf(url)} HTTP/1.1\r\nHost: edge.test\r\n\r\n`);
    await once(socket, "data");
    socket.destroy();

    const forwarded = requestsFor("documents/large.bin").slice(before);
    expect(forwarded.length).toBe(1);
    await forwarded[0]?.socketClosed;
    const entry = await edge.waitFor(
      (record) => record.msg === "request" && record.path === "/documents/large.bin",
    );
    expect(entry.status).toBe(200);
    expect(entry.reason).toMatch(/^viewer disconnected after \d+ bytes$/);
    expect(Number(entry.bytes)).toBeLessThan(LARGE_SIZE);
    const errors = edge.records().filter((record) => record.level >= 50);
    expect(errors).toEqual([]);
  });
});

/** Starts a proxy to s3rver that cuts every response body off after `limit` bytes. */
async function startCuttingProxy(targetPort: number, limit: number) {
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: "127.0.0.1",
        port: targetPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        let sent = 0;
        answer.on("data", (chunk: Buffer) => {
          sent += chunk.length;
          if (sent > limit) {
            answer.destroy();
            res.destroy();
          } else {
            res.write(chunk);
          }
        });
        answer.on("end", () => res.end());
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("edge origin failures", () => {
  it("sends 502 when S3 is down", async () => {
    const port = await closedPort();
    const down = await startTestEdge({
      s3: createS3Client(s3SettingsFor(`http://127.0.0.1:${port}`)),
      bucket: s3.bucket,
      trustedKeys: () => keys,
      now: NOW,
    });
    const target = targetOf(signTestUrl(key, `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`, LATER));
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await send(down.port, target);
        expect(response.status).toBe(502);
        expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
        expect(response.body.toString()).toContain("could not get the document from S3");
      }
      const errors = down.records().filter((record) => record.msg === "S3 request failed");
      expect(errors.length).toBe(2);
      expect(errors[0]?.level).toBe(50);
    } finally {
      await down.close();
    }
  });

  it("resets the viewer when S3 fails mid-body", async () => {
    const cutting = await startCuttingProxy(s3.port, 256 * 1024);
    const failing = await startTestEdge({
      s3: createS3Client(s3SettingsFor(cutting.endpoint)),
      bucket: s3.bucket,
      trustedKeys: () => keys,
      now: NOW,
    });
    const target = targetOf(signTestUrl(key, `${TEST_PUBLIC_ORIGIN}/documents/large.bin`, LATER));
    try {
      await expect(send(failing.port, target)).rejects.toThrow();
      const error = await failing.waitFor((record) => record.msg === "S3 body stream failed");
      expect(error.level).toBe(50);
      const entry = await failing.waitFor((record) => record.msg === "request");
      expect(entry.reason).toBe("the S3 body stream failed");
    } finally {
      await failing.close();
      await cutting.close();
    }
  });

  it("sends 504 when S3 does not respond", async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const slow = await startTestEdge({
      s3: createS3Client(s3SettingsFor(`http://127.0.0.1:${port}`)),
      bucket: s3.bucket,
      trustedKeys: () => keys,
      now: NOW,
      originTimeoutMs: 200,
    });
    const target = targetOf(signTestUrl(key, `${TEST_PUBLIC_ORIGIN}/documents/report.pdf`, LATER));
    try {
      const response = await send(slow.port, target);
      expect(response.status).toBe(504);
      expect(response.body.toString()).toContain("Gateway Timeout");
    } finally {
      await slow.close();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
