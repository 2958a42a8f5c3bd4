/**
 * Throughput of the local edge, with the edge, s3rver and the load generator all in this one
 * Node process (one core for the event loop). For ECDSA P-256 with SHA-256 and for RSA-2048
 * with SHA-1, it measures signed-URL requests per second for a small object and the edge's
 * verification step alone. It also streams a 50 MB object through the edge and directly from
 * the same s3rver. Each figure is the median of several rounds, and the rounds alternate
 * between variants so that a slow patch of the machine hurts all of them alike.
 */
import { IncomingMessage, Agent, request } from "node:http";
import { Socket } from "node:net";

import { GetObjectCommand } from "@aws-sdk/client-s3";
import pino from "pino";

import { trustedKeysOf } from "@/lib/cloudfront/key-ring";
import { REDACTED_PATHS } from "@/lib/log";
import { createEdgeServer, type EdgeServer } from "@/edge/server";
import type { EdgeOptions } from "@/edge/request-handler";
import { verifyRequest } from "@/edge/verify-request";
import { generateTestKey, keyRingOf, signTestUrl, targetOf } from "@/edge/testing/keys";
import { patternBytes, putTestObject, startTestS3, type TestS3 } from "@/edge/testing/s3";

export interface EdgeBenchmarkOptions {
  /** Timed rounds per variant; the median is reported. */
  rounds?: number;
  /** Requests per round for the small object. */
  requestsPerRound?: number;
  /** Verifications per round for the verification step alone. */
  verificationsPerRound?: number;
  /** Concurrent keep-alive connections of the load generator. */
  connections?: number;
  /** Size of the streamed object in bytes; 50 MB (50 * 10^6) by default. */
  largeObjectBytes?: number;
}

type Variant = "ecdsaSha256" | "rsaSha1";

export interface EdgeBenchmarkResult {
  rounds: number;
  requestsPerRound: number;
  connections: number;
  smallObjectBytes: number;
  /** Median signed-URL GETs per second through the edge for the small object, S3 included. */
  requestsPerSecond: Record<Variant, number>;
  /** Median verification steps per second: the edge's verifyRequest without HTTP or S3. */
  verificationsPerSecond: Record<Variant, number>;
  largeObjectBytes: number;
  /** Median MB/s (10^6 bytes) of one GET of the large object. */
  streamingMBps: { edge: number; directS3: number };
  /** Edge throughput divided by direct S3 throughput; 0.8 is 20% slower. */
  edgeVsDirect: number;
}

const PUBLIC_ORIGIN = "http://edge.bench";
const SMALL_BYTES = 1_024;
const NOW = new Date();
const LATER = new Date(NOW.getTime() + 3_600_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** GETs `target` and discards the body; rejects unless the status is 200. */
function getAndDrain(port: number, target: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: target, agent }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        res.statusCode === 200
          ? resolve(bytes)
          : reject(new Error(`edge returned ${res.statusCode} for ${target.split("?")[0]}`)),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function requestsPerSecond(
  port: number,
  target: string,
  count: number,
  connections: number,
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started += 1;
      await getAndDrain(port, target, agent);
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = secondsSince(start);
  agent.destroy();
  return Math.round(count / seconds);
}

/** Runs the edge's verification step `count` times on a request object without a socket. */
function verificationsPerSecond(options: EdgeOptions, target: string, count: number): number {
  const req = new IncomingMessage(new Socket());
  req.url = target;
  req.headers = { host: "edge.bench" };
  const start = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) {
    if (!verifyRequest(options, req, target).allowed)
      throw new Error("the edge denied the benchmark's signed URL");
  }
  return Math.round(count / secondsSince(start));
}

async function directS3MBps(s3: TestS3, key: string): Promise<number> {
  const start = process.hrtime.bigint();
  const output = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  let bytes = 0;
  for await (const chunk of output.Body as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes / 1e6 / secondsSince(start);
}

/** Measures the edge as described at the top of this file. */
export async function benchmarkEdge(
  options: EdgeBenchmarkOptions = {},
): Promise<EdgeBenchmarkResult> {
  const rounds = options.rounds ?? 5;
  const requestsPerRound = options.requestsPerRound ?? 1_000;
  const verificationsPerRound = options.verificationsPerRound ?? 5_000;
  const connections = options.connections ?? 8;
  const largeObjectBytes = options.largeObjectBytes ?? 50_000_000;

  const s3 = await startTestS3();
  let edge: EdgeServer | undefined;
  try {
    await putTestObject(s3, "bench/small.bin", patternBytes(SMALL_BYTES));
    await putTestObject(s3, "bench/large.bin", patternBytes(largeObjectBytes));
    const ecdsa = generateTestKey("KBENCHEDGEEC01", "ECDSA_P256");
    const rsa = generateTestKey("KBENCHEDGERSA1", "RSA");
    const keys = trustedKeysOf(
      keyRingOf([
        { key: ecdsa, status: "active" },
        { key: rsa, status: "retired" },
      ]),
    );
    const edgeOptions: EdgeOptions = {
      publicOrigin: PUBLIC_ORIGIN,
      trustedKeys: () => keys,
      s3: s3.client,
      bucket: s3.bucket,
      // Serialised like the real access log, then dropped, so logging cost is included.
      logger: pino(
        { redact: { paths: REDACTED_PATHS, censor: "[redacted]" } },
        pino.destination({ dest: "/dev/null", sync: true }),
      ),
    };
    edge = createEdgeServer(edgeOptions);
    const { port } = await edge.listen(0, "127.0.0.1");

    const small = `${PUBLIC_ORIGIN}/bench/small.bin`;
    const targets: Record<Variant, string> = {
      ecdsaSha256: targetOf(signTestUrl(ecdsa, small, LATER, "SHA256")),
      rsaSha1: targetOf(signTestUrl(rsa, small, LATER, "SHA1")),
    };
    const large = targetOf(signTestUrl(ecdsa, `${PUBLIC_ORIGIN}/bench/large.bin`, LATER));
    const variants: Variant[] = ["ecdsaSha256", "rsaSha1"];

    // One untimed pass warms up connections, the JIT and the SDK.
    for (const variant of variants) {
      await requestsPerSecond(port, targets[variant], 50, connections);
      verificationsPerSecond(edgeOptions, targets[variant], 200);
    }
    const samples = {
      requests: { ecdsaSha256: [] as number[], rsaSha1: [] as number[] },
      verifications: { ecdsaSha256: [] as number[], rsaSha1: [] as number[] },
      edge: [] as number[],
      direct: [] as number[],
    };
    for (let round = 0; round < rounds; round += 1) {
      for (const variant of variants) {
        samples.requests[variant].push(
          await requestsPerSecond(port, targets[variant], requestsPerRound, connections),
        );
        samples.verifications[variant].push(
          verificationsPerSecond(edgeOptions, targets[variant], verificationsPerRound),
        );
      }
      const agent = new Agent({ keepAlive: false });
      const start = process.hrtime.bigint();
      const bytes = await getAndDrain(port, large, agent);
      samples.edge.push(bytes / 1e6 / secondsSince(start));
      samples.direct.push(await directS3MBps(s3, "bench/large.bin"));
    }

    const edgeMBps = median(samples.edge);
    const directMBps = median(samples.direct);
    return {
      rounds,
      requestsPerRound,
      connections,
      smallObjectBytes: SMALL_BYTES,
      requestsPerSecond: {
        ecdsaSha256: median(samples.requests.ecdsaSha256),
        rsaSha1: median(samples.requests.rsaSha1),
      },
      verificationsPerSecond: {
        ecdsaSha256: median(samples.verifications.ecdsaSha256),
        rsaSha1: median(samples.verifications.rsaSha1),
      },
      largeObjectBytes,
      streamingMBps: { edge: Math.round(edgeMBps), directS3: Math.round(directMBps) },
      edgeVsDirect: Math.round((edgeMBps / directMBps) * 100) / 100,
    };
  } finally {
    await edge?.close();
    await s3.close();
  }
}
