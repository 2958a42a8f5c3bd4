import { S3Client } from "@aws-sdk/client-s3";

import type { Config } from "@/lib/config";

/**
 * Creates an S3 client for the configured store. Checksums are computed only when an
 * operation requires them: the SDK's default CRC32 trailers make s3rver store the
 * aws-chunked framing as object bytes, and they would be baked into presigned requests.
 */
export function createS3Client(config: Config["s3"]): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
  });
}
