/**
 * The seeded stack without the browser: s3rver, PGlite migrated and seeded exactly as
 * `npm start` does it, the development key ring, the signer and the edge, all real and on
 * loopback. A signed URL minted for a seeded document must deliver the stored bytes.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { GetObjectCommand } from "@aws-sdk/client-s3";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createEdgeServer, type EdgeServer } from "@/edge/server";
import { readKeyRing, trustedKeysOf } from "@/lib/cloudfront/key-ring";
import { getConfig } from "@/lib/config";
import { createDatabase, migrateDatabase, type Database } from "@/lib/db/connect";
import { documents } from "@/lib/db/schema";
import { ensureDevelopmentKeyRing, signDocumentLink } from "@/lib/signing";
import { createS3Client } from "@/lib/storage/client";
import { seedDemoData } from "@/scripts/seed";
import { freePort } from "@/scripts/stack/ports";
import { startS3Store } from "@/scripts/stack/s3-store";

let dataDir: string;
let store: { port: number; close(): Promise<void> };
let database: Database;
let edge: EdgeServer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "berkas-stack-"));
  store = await startS3Store({ port: 0, dataDir, bucket: "berkas-test", allowedOrigins: [] });
  const edgePort = await freePort();
  Object.assign(process.env, {
    BERKAS_DATA_DIR: dataDir,
    S3_ENDPOINT: `http://127.0.0.1:${store.port}`,
    S3_BUCKET: "berkas-test",
    CLOUDFRONT_URL: `http://127.0.0.1:${edgePort}`,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });
  const config = getConfig();

  await ensureDevelopmentKeyRing(path.dirname(config.cloudfront.keyRingFile));
  database = await createDatabase(config.database);
  await migrateDatabase(database);
  await seedDemoData(database.db);

  const trusted = trustedKeysOf(readKeyRing(config.cloudfront.keyRingFile));
  edge = createEdgeServer({
    publicOrigin: config.cloudfront.url,
    trustedKeys: () => trusted,
    s3: createS3Client(config.s3),
    bucket: config.s3.bucket,
    logger: pino({ level: "silent" }),
  });
  await edge.listen(edgePort, "127.0.0.1");
});

afterAll(async () => {
  await edge?.close();
  await database?.close();
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function seededPrescription() {
  const rows = await database.db
    .select()
    .from(documents)
    .where(eq(documents.title, "Amlodipine 5 mg for blood pressure"));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function storedBytes(key: string): Promise<Buffer> {
  const config = getConfig();
  const object = await createS3Client(config.s3).send(
    new GetObjectCommand({ Bucket: config.s3.bucket, Key: key }),
  );
  return Buffer.from(await object.Body!.transformToByteArray());
}

describe("seeded stack through the edge", () => {
  test("serves a document's exact bytes", async () => {
    const document = await seededPrescription();
    const link = signDocumentLink({
      objectKey: document.objectKey,
      kind: document.kind,
      validUntil: document.validUntil,
    });

    const response = await fetch(link.url);
    const body = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(document.sizeBytes));
    expect(response.headers.get("content-disposition")).toContain(
      "filename*=UTF-8''Resep%20Amlodipine%20%E2%80%93%20Siti%20Rahayu.pdf",
    );
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(createHash("sha256").update(body).digest("hex")).toBe(document.sha256);
    expect(body.equals(await storedBytes(document.objectKey))).toBe(true);
  });

  test("answers a Range request with the slice", async () => {
    const document = await seededPrescription();
    const link = signDocumentLink({
      objectKey: document.objectKey,
      kind: document.kind,
      validUntil: document.validUntil,
    });
    const stored = await storedBytes(document.objectKey);

    const response = await fetch(link.url, { headers: { Range: "bytes=100-299" } });
    const body = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 100-299/${stored.length}`);
    expect(response.headers.get("content-length")).toBe("200");
    expect(body.equals(stored.subarray(100, 300))).toBe(true);
  });

  test("denies the link once its signature is altered", async () => {
    const document = await seededPrescription();
    const link = signDocumentLink({
      objectKey: document.objectKey,
      kind: document.kind,
      validUntil: document.validUntil,
    });
    const url = new URL(link.url);
    const signature = url.searchParams.get("Signature")!;
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    const tampered = link.url.replace(signature, flipped);

    const response = await fetch(tampered);

    expect(response.status).toBe(403);
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>' +
        "<Message>Access denied</Message></Error>",
    );
  });
});
