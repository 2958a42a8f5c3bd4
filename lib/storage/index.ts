import "server-only";

import { randomUUID } from "node:crypto";

import {
  DeleteObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";

import { createS3Client } from "./client";
import { writeObject } from "./objects";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

export { contentDisposition } from "./content-disposition";
export * from "./objects";

/** The S3 client and bucket an operation works on; tests pass their own. */
export interface Storage {
  client: S3Client;
  bucket: string;
}

let client: S3Client | undefined;

function s3(): S3Client {
  client ??= createS3Client(getConfig().s3);
  return client;
}

/** Returns the process's S3 client and the configured bucket. */
export function defaultStorage(): Storage {
  return { client: s3(), bucket: getConfig().s3.bucket };
}

/** Returns a new opaque object key; user text never becomes part of a key. */
export function newObjectKey(): string {
  return `documents/${randomUUID()}`;
}

export interface StoredObject {
  key: string;
  body: Uint8Array;
  contentType: string;
  fileName: string;
}

/** Stores an object in the configured bucket; see `writeObject`. */
export async function putObject(object: StoredObject): Promise<void> {
  await writeObject(s3(), getConfig().s3.bucket, object);
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: getConfig().s3.bucket, Key: key }));
}

export async function headObject(key: string) {
  return s3().send(new HeadObjectCommand({ Bucket: getConfig().s3.bucket, Key: key }));
}

const HEALTH_CACHE_MS = 5_000;
let lastHealthy = 0;

/**
 * Throws AppError("storage_unavailable") when the bucket cannot be reached, so a page
 * never offers links that the edge cannot serve. A success is remembered for 5 s.
 */
export async function assertStorageReachable(): Promise<void> {
  if (Date.now() - lastHealthy < HEALTH_CACHE_MS) return;
  try {
    await s3().send(new HeadBucketCommand({ Bucket: getConfig().s3.bucket }));
    lastHealthy = Date.now();
  } catch (error) {
    throw new AppError(
      "storage_unavailable",
      "The document store is not reachable right now. Please try again in a minute.",
      { cause: error, internalMessage: `S3 bucket ${getConfig().s3.bucket} is not reachable` },
    );
  }
}
