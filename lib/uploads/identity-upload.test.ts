import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, expect, test } from "vitest";

import { STAGING_PREFIX, stagingKeyOf, type UploadsContext } from "./context";
import { cleanUpUploads } from "./clean-up-uploads";
import { confirmIdentityUpload } from "./confirm-identity-upload";
import { startIdentityUpload, type StartUploadRequest } from "./start-identity-upload";
import type { Viewer } from "@/lib/access";
import type { Database } from "@/lib/db/connect";
import { appointments, auditEvents, documents, identityVerifications } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { listObjects, readObject, statObject, type Storage } from "@/lib/storage";
import { createS3Client } from "@/lib/storage/client";
import { startS3Store } from "@/scripts/stack/s3-store";
import { describeOnEachDatabase } from "@/test/database";
import { insertHospital, insertUser } from "@/test/fixtures";

const BUCKET = "berkas-uploads-test";
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2048, 0x20)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 1),
]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(512)]);

let dataDir: string;
let store: { port: number; close(): Promise<void> };
let storage: Storage;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "berkas-uploads-"));
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

/** Sends the browser's multipart POST to the store, as the upload page does. */
async function postToStore(
  upload: { url: string; fields: Record<string, string> },
  body: Buffer,
  fileName: string,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(body)]), fileName);
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

describeOnEachDatabase("identity upload", (database) => {
  let context: UploadsContext;
  let patient: Viewer;
  let otherPatient: Viewer;
  let appointmentId: string;

  beforeAll(async () => {
    const { db } = database();
    context = {
      db,
      storage,
      log: pino({ level: "silent" }),
      now: () => new Date(),
      clientIp: "127.0.0.1",
    };
    const hospital = await insertHospital(db);
    const patientRow = await insertUser(db, { role: "patient" });
    const otherRow = await insertUser(db, { role: "patient" });
    patient = { id: patientRow.id, role: "patient", hospitalId: null };
    otherPatient = { id: otherRow.id, role: "patient", hospitalId: null };
    const [appointment] = await db
      .insert(appointments)
      .values({
        patientId: patient.id,
        hospitalId: hospital.id,
        department: "Internal medicine",
        scheduledAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    appointmentId = appointment!.id;
  });

  const request = (overrides: Partial<StartUploadRequest> = {}): StartUploadRequest => ({
    appointmentId,
    identityType: "ktp",
    fileName: "KTP Siti.pdf",
    contentType: "application/pdf",
    sizeBytes: PDF.length,
    ...overrides,
  });

  async function documentRow(id: string) {
    const [row] = await context.db.select().from(documents).where(eq(documents.id, id));
    return row;
  }

  test("presigned POST carries no checksum fields", async () => {
    const upload = await startIdentityUpload(context, patient, request());

    expect(upload.fields.key).toBe(stagingKeyOf(upload.documentId));
    expect(upload.fields["Content-Type"]).toBe("application/pdf");
    expect(Object.keys(upload.fields).filter((name) => /checksum/i.test(name))).toEqual([]);
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, "base64").toString("utf8"));
    expect(policy.conditions).toContainEqual(["content-length-range", 1, 10 * 1024 * 1024]);
    expect(policy.conditions).toContainEqual(["eq", "$key", stagingKeyOf(upload.documentId)]);
    expect(policy.conditions).toContainEqual(["eq", "$Content-Type", "application/pdf"]);
  });

  test("accepted PDF becomes pending verification", async () => {
    const upload = await startIdentityUpload(context, patient, request());
    await postToStore(upload, PDF, "KTP Siti.pdf");

    await confirmIdentityUpload(context, patient, upload.documentId);

    const row = await documentRow(upload.documentId);
    expect(row?.status).toBe("pending_verification");
    expect(row?.sizeBytes).toBe(PDF.length);
    const stored = await readObject(storage.client, BUCKET, row!.objectKey);
    expect(Buffer.from(stored).equals(PDF)).toBe(true);
    expect(await statObject(storage.client, BUCKET, stagingKeyOf(upload.documentId))).toBeNull();
    const verifications = await context.db
      .select()
      .from(identityVerifications)
      .where(eq(identityVerifications.documentId, upload.documentId));
    expect(verifications).toHaveLength(1);
  });

  test("PNG declared as PDF is rejected", async () => {
    const upload = await startIdentityUpload(context, patient, request({ fileName: "scan.pdf" }));
    await postToStore(upload, PNG, "scan.pdf");

    const error = await errorOf(confirmIdentityUpload(context, patient, upload.documentId));

    expect(error.code).toBe("invalid_input");
    expect(error.userMessage).toBe(
      '"scan.pdf" is a PNG image, but it was sent as a PDF document. Choose the file again so its type is detected correctly.',
    );
    expect(await documentRow(upload.documentId)).toBeUndefined();
    expect(await statObject(storage.client, BUCKET, stagingKeyOf(upload.documentId))).toBeNull();
  });

  test("executable renamed to PDF is rejected", async () => {
    const upload = await startIdentityUpload(context, patient, request({ fileName: "ktp.pdf" }));
    await postToStore(upload, ELF, "ktp.pdf");

    const error = await errorOf(confirmIdentityUpload(context, patient, upload.documentId));

    expect(error.userMessage).toBe(
      '"ktp.pdf" is a program, not a PDF document. Upload a scan or photo of your document.',
    );
    expect(await documentRow(upload.documentId)).toBeUndefined();
  });

  test("declared 11 MB upload is rejected", async () => {
    const error = await errorOf(
      startIdentityUpload(context, patient, request({ sizeBytes: 11 * 1024 * 1024 })),
    );

    expect(error.userMessage).toBe(
      '"KTP Siti.pdf" is 11 MB, more than the 10 MB limit. Upload a smaller scan or photo.',
    );
  });

  test("stored 11 MB object is rejected", async () => {
    const upload = await startIdentityUpload(context, patient, request());
    const large = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024 - PDF.length, 0x20)]);
    await postToStore(upload, large, "KTP Siti.pdf");

    const error = await errorOf(confirmIdentityUpload(context, patient, upload.documentId));

    expect(error.userMessage).toBe(
      '"KTP Siti.pdf" is 11 MB, more than the 10 MB limit. Upload a smaller scan or photo.',
    );
    expect(await statObject(storage.client, BUCKET, stagingKeyOf(upload.documentId))).toBeNull();
    expect(await documentRow(upload.documentId)).toBeUndefined();
  });

  test("upload that never arrived is rejected", async () => {
    const upload = await startIdentityUpload(context, patient, request());

    const error = await errorOf(confirmIdentityUpload(context, patient, upload.documentId));

    expect(error.userMessage).toBe('"KTP Siti.pdf" did not arrive. Please upload it again.');
    expect(await documentRow(upload.documentId)).toBeUndefined();
  });

  test("other patient cannot confirm or start", async () => {
    const upload = await startIdentityUpload(context, patient, request());
    await postToStore(upload, PDF, "KTP Siti.pdf");

    const confirmError = await errorOf(
      confirmIdentityUpload(context, otherPatient, upload.documentId),
    );
    const startError = await errorOf(startIdentityUpload(context, otherPatient, request()));

    expect(confirmError.code).toBe("not_found");
    expect(startError.code).toBe("not_found");
    expect((await documentRow(upload.documentId))?.status).toBe("pending_upload");
  });

  test("cleanup removes abandoned uploads only", async () => {
    const abandoned = await startIdentityUpload(context, patient, request());
    await postToStore(abandoned, PDF, "KTP Siti.pdf");
    const later = () => new Date(Date.now() + 3_600_000);

    const result = await cleanUpUploads({ ...context, now: later }, 900);

    expect(result.expiredUploads).toBeGreaterThanOrEqual(1);
    expect(await documentRow(abandoned.documentId)).toBeUndefined();
    expect(await listObjects(storage.client, BUCKET, STAGING_PREFIX)).toEqual([]);
    const expiredEvents = await context.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.documentId, abandoned.documentId));
    expect(expiredEvents.map((event) => event.action)).toEqual([
      "upload.started",
      "upload.expired",
    ]);
  });

  test("cleanup keeps recent uploads", async () => {
    const recent = await startIdentityUpload(context, patient, request());
    await postToStore(recent, PDF, "KTP Siti.pdf");

    await cleanUpUploads(context, 900);

    expect((await documentRow(recent.documentId))?.status).toBe("pending_upload");
    expect(
      await statObject(storage.client, BUCKET, stagingKeyOf(recent.documentId)),
    ).not.toBeNull();
  });

  test("bidirectional controls are removed from the name", async () => {
    const upload = await startIdentityUpload(
      context,
      patient,
      request({ fileName: "KTP \u202egnp.exe.pdf" }),
    );

    expect((await documentRow(upload.documentId))?.fileName).toBe("KTP gnp.exe.pdf");
  });

  test("overlong file name gets a clear message", async () => {
    const error = await errorOf(
      startIdentityUpload(context, patient, request({ fileName: `${"a".repeat(400)}.pdf` })),
    );

    expect(error.userMessage).toBe(
      "The file name is longer than 200 characters. Rename the file and try again.",
    );
  });
});
