import "server-only";

import type { AddressInfo } from "node:net";

import { ConfigError, loadConfig, type Config } from "@/lib/config";
import { createLogger } from "@/lib/log";
import { createS3Client } from "@/lib/storage/client";

import { fixedKeyLoader, loadKeyRing } from "./key-loaders";
import { watchKeyFile, type KeySource } from "./key-source";
import { createEdgeServer } from "./server";

/**
 * Entry point of the local edge: `npx tsx --conditions=react-server edge/main.ts`. It serves
 * on 127.0.0.1 at EDGE_PORT, verifies against the key ring file (or the one key of
 * CLOUDFRONT_PUBLIC_KEY_FILE and CLOUDFRONT_KEY_PAIR_ID) and streams from the S3 bucket.
 */

/**
 * IPv4 only: a policy's AWS:SourceIp is IPv4, and CloudFront denies IPv6 viewers under it.
 * Browsers try ::1 first for `localhost` and fall back to 127.0.0.1, so without a ::1
 * listener every viewer arrives over IPv4 and IP-bound links work locally.
 */
const HOSTS = ["127.0.0.1"] as const;

function fail(message: string): never {
  process.stderr.write(`edge: ${message}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

function openKeySource(config: Config, logger: ReturnType<typeof createLogger>): KeySource {
  const { publicKeyFile, keyPairId, keyRingFile } = config.cloudfront;
  if (publicKeyFile === undefined) {
    return watchKeyFile({ file: keyRingFile, load: loadKeyRing, logger });
  }
  if (keyPairId === undefined) {
    fail("CLOUDFRONT_PUBLIC_KEY_FILE is set but CLOUDFRONT_KEY_PAIR_ID is not: set both");
  }
  return watchKeyFile({ file: publicKeyFile, load: fixedKeyLoader(keyPairId), logger });
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger("edge", config.logLevel);
  const keySource = openKeySource(config, logger);
  const s3 = createS3Client(config.s3);
  const edge = createEdgeServer({
    publicOrigin: config.cloudfront.url,
    trustedKeys: () => keySource.current(),
    s3,
    bucket: config.s3.bucket,
    logger,
  });

  const port = config.ports.edge;
  const bound: AddressInfo[] = [];
  for (const host of HOSTS) {
    try {
      bound.push(await edge.listen(port, host));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      await edge.close();
      if (code === "EADDRINUSE") {
        fail(
          `port ${port} on ${host} is already in use. Stop the process using it, ` +
            "or set EDGE_PORT to a free port (and CLOUDFRONT_URL to match).",
        );
      }
      fail(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
    }
  }
  logger.info(
    {
      addresses: bound.map((address) => `${address.address}:${address.port}`),
      publicOrigin: config.cloudfront.url,
      s3Endpoint: config.s3.endpoint ?? "AWS S3",
      bucket: config.s3.bucket,
      keys: config.cloudfront.publicKeyFile ?? config.cloudfront.keyRingFile,
    },
    `edge listening on ${config.cloudfront.url}`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "edge stopping");
    keySource.close();
    void edge.close().then(() => {
      s3.destroy();
      logger.info("edge stopped");
      process.exit(0);
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
