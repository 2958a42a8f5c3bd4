import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

import type { Config } from "@/lib/config";
import { createS3Client } from "@/lib/storage/client";

export const TEST_BUCKET = "berkas-test";

/** A real s3rver on an ephemeral loopback port, with one empty bucket. */
export interface TestS3 {
  endpoint: string;
  port: number;
  bucket: string;
  client: S3Client;
  /** The client settings, for building further clients (for example to another endpoint). */
  settings: Config["s3"];
  close(): Promise<void>;
}

/** Returns S3 client settings for an s3rver at `endpoint`; s3rver accepts the key S3RVER. */
export function s3SettingsFor(endpoint: string): Config["s3"] {
  return {
    endpoint,
    region: "us-east-1",
    bucket: TEST_BUCKET,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    forcePathStyle: true,
  };
}

/** Starts s3rver in a temporary folder, which `close` removes again. */
export async function startTestS3(): Promise<TestS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "berkas-edge-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: TEST_BUCKET, configs: [] }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const settings = s3SettingsFor(endpoint);
  const client = createS3Client(settings);
  return {
    endpoint,
    port: address.port,
    bucket: TEST_BUCKET,
    client,
    settings,
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Stores an object in the test bucket. */
export async function putTestObject(
  s3: TestS3,
  key: string,
  body: Uint8Array,
  headers: { contentType?: string; contentDisposition?: string; cacheControl?: string } = {},
): Promise<void> {
  await s3.client.send(
    new PutObjectCommand({
      Bucket: s3.bucket,
      Key: key,
      Body: body,
      ContentLength: body.byteLength,
      ContentType: headers.contentType ?? "application/octet-stream",
      ContentDisposition: headers.contentDisposition,
      CacheControl: headers.cacheControl,
    }),
  );
}

/** Returns `size` bytes that differ from position to position, so a wrong slice shows. */
export function patternBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + 7) % 251;
  return bytes;
}
