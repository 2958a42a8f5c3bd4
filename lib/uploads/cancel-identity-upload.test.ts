import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, expect, test } from "vitest";

import { cancelIdentityUpload } from "./cancel-identity-upload";
import { confirmIdentityUpload } from "./confirm-identity-upload";
import { stagingKeyOf, type UploadsContext } from "./context";
import { startIdentityUpload, type StartedUpload } from "./start-identity-upload";
import type { Viewer } from "@/lib/access";
import { appointments, auditEvents, documents } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { statObject, type Storage } from "@/lib/storage";
import { createS3Client } from "@/lib/storage/client";
import { startS3Store } from "@/scripts/stack/s3-store";
import { describeOnEachDatabase } from "@/test/database";
import { insertHospital, insertUser } from "@/test/fixtures";

const BUCKET = "berkas-cancel-test";
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(1024, 0x20)]);

let dataDir: string;
let store: { port: number; close(): Promise<void> };
let storage: Storage;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "berkas-cancel-"));
  store = await startS3Store({ port: 0, dataDir, bucket: BUCKET, allowedOrigins: [] });
  const client = createS3Client({
    endpoint: `http://127.0.0.1:${store.port}`,
    region: "us-east-1",
    bucket: BUCKET,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    forcePathStyle: true,
  });
  storage = { client, bucket: BUCKET };
});

afterAll(async () => {
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function postToStore(upload: StartedUpload, body: Buffer): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(body)]), "ktp.pdf");
  const response = await fetch(upload.url, { method: "POST", body: form });
  expect(response.status).toBeLessThan(300);
}

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describeOnEachDatabase("cancelIdentityUpload", (database) => {
  let context: UploadsContext;
  let patient: Viewer;
  let otherPatient: Viewer;
  let staff: Viewer;
  let appointmentId: string;

  beforeAll(async () => {
    const { db } = database();
    context = {
      db,
      storage,
      log: pino({ level: "silent" }),
      now: () => new Date("2026-12-01T08:00:00Z"),
      clientIp: "127.0.0.1",
    };
    const hospital = await insertHospital(db);
    const patientRow = await insertUser(db, { role: "patient" });
    const otherRow = await insertUser(db, { role: "patient" });
    const staffRow = await insertUser(db, { role: "staff", hospitalId: hospital.id });
    patient = { id: patientRow.id, role: "patient", hospitalId: null };
    otherPatient = { id: otherRow.id, role: "patient", hospitalId: null };
    staff = { id: staffRow.id, role: "staff", hospitalId: hospital.id };
    const [appointment] = await db
      .insert(appointments)
      .values({
        patientId: patient.id,
        hospitalId: hospital.id,
        department: "Internal medicine",
        scheduledAt: new Date("2026-12-04T09:30:00Z"),
      })
      .returning();
    appointmentId = appointment!.id;
  });

  const start = () =>
    startIdentityUpload(context, patient, {
      appointmentId,
      identityType: "passport",
      fileName: "ktp.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF.length,
    });

  async function documentRow(id: string) {
    const [row] = await context.db.select().from(documents).where(eq(documents.id, id));
    return row;
  }

  test("deletes the row and the staged object", async () => {
    const upload = await start();
    await postToStore(upload, PDF);

    await cancelIdentityUpload(context, patient, upload.documentId);

    expect(await documentRow(upload.documentId)).toBeUndefined();
    expect(await statObject(storage.client, BUCKET, stagingKeyOf(upload.documentId))).toBeNull();
    const events = await context.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.documentId, upload.documentId));
    expect(events.map((event) => event.action)).toEqual(["upload.started", "upload.cancelled"]);
    expect(events[1]?.actorId).toBe(patient.id);
    expect(events[1]?.clientIp).toBe("127.0.0.1");
  });

  test("works before any byte arrived", async () => {
    const upload = await start();

    await cancelIdentityUpload(context, patient, upload.documentId);

    expect(await documentRow(upload.documentId)).toBeUndefined();
  });

  test("rejects another patient's upload", async () => {
    const upload = await start();
    await postToStore(upload, PDF);

    const error = await errorOf(cancelIdentityUpload(context, otherPatient, upload.documentId));

    expect(error.code).toBe("not_found");
    expect(error.userMessage).toBe("That upload was not found.");
    expect((await documentRow(upload.documentId))?.status).toBe("pending_upload");
    expect(
      await statObject(storage.client, BUCKET, stagingKeyOf(upload.documentId)),
    ).not.toBeNull();
  });

  test("rejects staff", async () => {
    const upload = await start();

    const error = await errorOf(cancelIdentityUpload(context, staff, upload.documentId));

    expect(error.code).toBe("not_found");
    expect((await documentRow(upload.documentId))?.status).toBe("pending_upload");
  });

  test("leaves a confirmed upload alone", async () => {
    const upload = await start();
    await postToStore(upload, PDF);
    await confirmIdentityUpload(context, patient, upload.documentId);

    const error = await errorOf(cancelIdentityUpload(context, patient, upload.documentId));

    expect(error.code).toBe("not_found");
    const row = await documentRow(upload.documentId);
    expect(row?.status).toBe("pending_verification");
    expect(await statObject(storage.client, BUCKET, row!.objectKey)).not.toBeNull();
  });

  test("rejects a malformed id", async () => {
    const error = await errorOf(cancelIdentityUpload(context, patient, "../documents/x"));

    expect(error.code).toBe("not_found");
  });
});
