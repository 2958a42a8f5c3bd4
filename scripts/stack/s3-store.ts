import { mkdir } from "node:fs/promises";
import path from "node:path";

import S3rver from "s3rver";

export interface S3StoreOptions {
  port: number;
  dataDir: string;
  bucket: string;
  /** Origins allowed to POST uploads straight from the browser. */
  allowedOrigins: readonly string[];
}

/**
 * Starts s3rver on 127.0.0.1 with the bucket created and CORS configured. s3rver applies
 * CORS rules only from its start-up configuration, not from PutBucketCors.
 */
export async function startS3Store(
  options: S3StoreOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const directory = path.join(options.dataDir, "s3");
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [
      {
        name: options.bucket,
        // s3rver rejects a CORS configuration without rules.
        configs: options.allowedOrigins.length ? [corsConfiguration(options.allowedOrigins)] : [],
      },
    ],
  });
  const address = await server.run();
  return { port: address.port, close: () => server.close() };
}

function corsConfiguration(origins: readonly string[]): string {
  const rules = origins
    .map(
      (origin) => `<CORSRule>
    <AllowedOrigin>${origin}</AllowedOrigin>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>`,
    )
    .join("\n  ");
  return `<CORSConfiguration>\n  ${rules}\n</CORSConfiguration>`;
}
