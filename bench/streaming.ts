/**
 * Large-object streaming through the edge against a direct S3 GET, with each server in its
 * own process as deployed: s3rver (its own CLI) and the edge (edge/main.ts, the entry point
 * `npm start` uses). The benchmark process is the client for both and reads with the same
 * plain HTTP client, so the only difference between the two paths is the edge's hop.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

import { writeKeyRing } from "@/lib/cloudfront/key-ring";
import { createS3Client } from "@/lib/storage/client";
import { generateTestKey, keyRingOf, signTestUrl, targetOf } from "@/edge/testing/keys";
import { patternBytes, s3SettingsFor } from "@/edge/testing/s3";
import { freePort, waitForHttp } from "@/scripts/stack/ports";

const ROOT = path.resolve(import.meta.dirname, "..");
const BUCKET = "berkas-bench";
const KEY = "bench/large.bin";

export interface StreamingBenchmarkResult {
  bytes: number;
  rounds: number;
  /** Median MB/s (10^6 bytes) of one GET. */
  mbPerSecond: { edge: number; directS3: number; bareProxy: number };
  /** Edge throughput divided by direct S3 throughput, from the same rounds. */
  edgeVsDirect: number;
  /**
   * A bare Node.js proxy (one `http.get(...).pipe(res)`, no verification, no SDK) divided by
   * direct S3: the cost of any extra Node.js hop on this machine, and so the edge's ceiling.
   */
  bareProxyVsDirect: number;
}

/** GETs `url` with a fresh connection, discards the body and returns MB/s. */
function download(url: string): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = request(url, { agent }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        if (res.statusCode !== 200) reject(new Error(`GET returned ${res.statusCode}`));
        else resolve(bytes / 1e6 / seconds);
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Runs the streaming comparison; `bytes` defaults to 50 MB (50 × 10^6 bytes). */
export async function benchmarkStreaming(
  bytes = 50_000_000,
  rounds = 7,
): Promise<StreamingBenchmarkResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "berkas-stream-"));
  let store: ChildProcess | undefined;
  let edge: ChildProcess | undefined;
  let bareProxy: ChildProcess | undefined;
  try {
    const s3Port = await freePort();
    await mkdir(path.join(dir, "s3"));
    store = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/s3rver/bin/s3rver.js"), "-d", path.join(dir, "s3")].concat([
        "-a",
        "127.0.0.1",
        "-p",
        String(s3Port),
        "-s",
        "--configure-bucket",
        BUCKET,
      ]),
      { stdio: "ignore" },
    );
    const endpoint = `http://127.0.0.1:${s3Port}`;
    await waitForHttp(`${endpoint}/`, 20_000);
    const client = createS3Client({ ...s3SettingsFor(endpoint), bucket: BUCKET });
    await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: KEY,
        Body: patternBytes(bytes),
        ContentType: "application/octet-stream",
      }),
    );

    const key = generateTestKey("KBENCHSTREAM01", "ECDSA_P256");
    const keyRingFile = path.join(dir, "keys", "key-ring.json");
    await mkdir(path.dirname(keyRingFile));
    await writeKeyRing(keyRingFile, keyRingOf([{ key, status: "active" }]));
    const edgePort = await freePort();
    const origin = `http://localhost:${edgePort}`;
    edge = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "edge/main.ts")],
      {
        stdio: "ignore",
        env: {
          ...process.env,
          BERKAS_DATA_DIR: dir,
          EDGE_PORT: String(edgePort),
          CLOUDFRONT_URL: origin,
          CLOUDFRONT_KEY_RING_FILE: keyRingFile,
          S3_ENDPOINT: endpoint,
          S3_BUCKET: BUCKET,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
      },
    );
    await waitForHttp(`http://127.0.0.1:${edgePort}/`, 30_000);

    const signed = signTestUrl(key, `${origin}/${KEY}`, new Date(Date.now() + 3_600_000), "SHA256");
    const edgeUrl = `http://127.0.0.1:${edgePort}${targetOf(signed)}`;
    const directUrl = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: BUCKET, Key: KEY }),
      {
        expiresIn: 3600,
      },
    );

    const proxyPort = await freePort();
    const proxySource =
      `require("http").createServer((q, r) => require("http").get(${JSON.stringify(directUrl)}, ` +
      `(u) => { r.writeHead(u.statusCode); u.pipe(r); })).listen(${proxyPort}, "127.0.0.1");`;
    bareProxy = spawn(process.execPath, ["-e", proxySource], { stdio: "ignore" });
    await waitForHttp(`http://127.0.0.1:${proxyPort}/`, 20_000);
    const proxyUrl = `http://127.0.0.1:${proxyPort}/`;

    for (const url of [edgeUrl, directUrl, proxyUrl]) await download(url);
    const samples = { edge: [] as number[], direct: [] as number[], proxy: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      samples.edge.push(await download(edgeUrl));
      samples.direct.push(await download(directUrl));
      samples.proxy.push(await download(proxyUrl));
    }
    const edgeMBps = median(samples.edge);
    const directMBps = median(samples.direct);
    const proxyMBps = median(samples.proxy);
    return {
      bytes,
      rounds,
      mbPerSecond: {
        edge: Math.round(edgeMBps),
        directS3: Math.round(directMBps),
        bareProxy: Math.round(proxyMBps),
      },
      edgeVsDirect: Math.round((edgeMBps / directMBps) * 100) / 100,
      bareProxyVsDirect: Math.round((proxyMBps / directMBps) * 100) / 100,
    };
  } finally {
    await stop(bareProxy);
    await stop(edge);
    await stop(store);
    await rm(dir, { recursive: true, force: true });
  }
}
