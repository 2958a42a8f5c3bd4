import "server-only";

import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { createPresignedPost, type PresignedPost } from "@aws-sdk/s3-presigned-post";

import { contentDisposition } from "./content-disposition";

/** Reads the first `length` bytes of an object, e.g. to check its file signature. */
export async function readObjectPrefix(
  client: S3Client,
  bucket: string,
  key: string,
  length: number,
): Promise<Uint8Array> {
  const object = await client.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${length - 1}` }),
  );
  return object.Body ? object.Body.transformToByteArray() : new Uint8Array();
}

/** Reads a whole object into memory; only for objects of bounded size such as uploads. */
export async function readObject(client: S3Client, bucket: string, key: string) {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body ? object.Body.transformToByteArray() : new Uint8Array();
}

/**
 * Copies an object to a new key with the given type and file name, replacing its metadata,
 * so the copy is served with headers the server chose rather than those of the upload.
 */
export async function copyObject(
  client: S3Client,
  bucket: string,
  from: string,
  to: string,
  file: { contentType: string; fileName: string },
): Promise<void> {
  await client.send(
    new CopyObjectCommand({
      Bucket: bucket,
      CopySource: `${bucket}/${from.split("/").map(encodeURIComponent).join("/")}`,
      Key: to,
      MetadataDirective: "REPLACE",
      ContentType: file.contentType,
      ContentDisposition: contentDisposition(file.fileName),
    }),
  );
}

/** Lists every object under `prefix` with its last-modified time. */
export async function listObjects(
  client: S3Client,
  bucket: string,
  prefix: string,
): Promise<Array<{ key: string; lastModified: Date }>> {
  const objects: Array<{ key: string; lastModified: Date }> = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const item of page.Contents ?? []) {
      if (item.Key) objects.push({ key: item.Key, lastModified: item.LastModified ?? new Date(0) });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

export interface UploadPolicy {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresInSeconds: number;
}

/**
 * Creates an S3 presigned POST whose policy fixes the object key and the Content-Type and
 * bounds the size. Real S3 enforces the policy; s3rver does not, so callers must check the
 * stored object afterwards.
 */
export function presignUpload(
  client: S3Client,
  bucket: string,
  policy: UploadPolicy,
): Promise<PresignedPost> {
  return createPresignedPost(client, {
    Bucket: bucket,
    Key: policy.key,
    Conditions: [
      ["eq", "$key", policy.key],
      ["eq", "$Content-Type", policy.contentType],
      ["content-length-range", 1, policy.maxBytes],
    ],
    Fields: { "Content-Type": policy.contentType },
    Expires: policy.expiresInSeconds,
  });
}

/** Returns an object's size and type, or null when the key does not exist. */
export async function statObject(
  client: S3Client,
  bucket: string,
  key: string,
): Promise<{ sizeBytes: number; contentType: string | undefined } | null> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { sizeBytes: head.ContentLength ?? 0, contentType: head.ContentType };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "NotFound" || name === "NoSuchKey") return null;
    throw error;
  }
}

/** Deletes an object; deleting a key that does not exist succeeds, as in S3. */
export async function removeObject(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

/** Stores an object with the Content-Disposition that names its file for the browser. */
export async function writeObject(
  client: S3Client,
  bucket: string,
  object: { key: string; body: Uint8Array; contentType: string; fileName: string },
): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: object.key,
      Body: object.body,
      ContentType: object.contentType,
      ContentLength: object.body.byteLength,
      ContentDisposition: contentDisposition(object.fileName),
    }),
  );
}
