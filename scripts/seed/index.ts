import { createHash } from "node:crypto";

import { sql } from "drizzle-orm";

import { BUDI_DOCUMENTS, SITI_DOCUMENTS, type DemoDocument } from "./catalogue";
import { DEMO_HOSPITALS, DEMO_PASSWORD, DEMO_USERS, type DemoHospitalKey } from "./demo-data";
import { renderPdf } from "@/lib/pdf/render-clinical-pdf";
import { chestRadiograph, encodePng, scannedNote } from "./png";
import { hashPassword } from "@/lib/auth/password";
import type { Drizzle } from "@/lib/db/connect";
import * as schema from "@/lib/db/schema";
import { deleteObject, newObjectKey, putObject } from "@/lib/storage";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns whether the database already contains users, in which case seeding is skipped. */
export async function isSeeded(db: Drizzle): Promise<boolean> {
  const rows = await db.select({ count: sql<number>`count(*)::int` }).from(schema.users);
  return (rows[0]?.count ?? 0) > 0;
}

interface FileToStore {
  key: string;
  body: Uint8Array;
  contentType: string;
  fileName: string;
}

/**
 * Seeds the demo hospitals, accounts, appointments and documents. Files are stored through
 * the S3 API first, then the rows go in one transaction. If it fails, the stored objects
 * are deleted again, so a failed seed leaves neither rows nor orphaned objects.
 */
export async function seedDemoData(db: Drizzle, now = new Date()): Promise<void> {
  const stored: string[] = [];
  const store = async (file: FileToStore) => {
    await putObject(file);
    stored.push(file.key);
  };

  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const plan = await planDocuments(now);
    for (const document of plan) {
      await store(document.file);
      for (const image of document.images) await store(image);
    }

    await db.transaction(async (tx) => {
      const hospitals = await tx
        .insert(schema.hospitals)
        .values(DEMO_HOSPITALS.map(({ name, city }) => ({ name, city })))
        .returning();
      const hospitalId = (key: DemoHospitalKey) =>
        hospitals[DEMO_HOSPITALS.findIndex((hospital) => hospital.key === key)]!.id;

      const users = await tx
        .insert(schema.users)
        .values(
          DEMO_USERS.map((user) => ({
            email: user.email,
            name: user.name,
            role: user.role,
            passwordHash,
            hospitalId: "hospital" in user ? hospitalId(user.hospital) : null,
          })),
        )
        .returning();
      const userId = (key: string) => users[DEMO_USERS.findIndex((user) => user.key === key)]!.id;

      for (const patientKey of ["patient", "otherPatient"] as const) {
        await tx.insert(schema.appointments).values(
          DEMO_HOSPITALS.map((hospital, index) => ({
            patientId: userId(patientKey),
            hospitalId: hospitalId(hospital.key),
            department: index === 0 ? "Internal medicine" : "Pulmonology",
            scheduledAt: new Date(now.getTime() + (3 + index * 4) * DAY_MS),
          })),
        );
      }

      for (const document of plan) {
        const [row] = await tx
          .insert(schema.documents)
          .values({
            patientId: userId(document.patientKey),
            kind: document.spec.kind,
            title: document.spec.title,
            objectKey: document.file.key,
            fileName: document.file.fileName,
            contentType: document.file.contentType,
            sizeBytes: document.file.body.byteLength,
            sha256: sha256(document.file.body),
            authorId: document.spec.authoredByDoctor ? userId("doctor") : null,
            hospitalId: hospitalId(document.spec.hospital),
            issuedAt: new Date(now.getTime() - document.spec.issuedDaysAgo * DAY_MS),
            validUntil:
              document.spec.validForDays === undefined
                ? null
                : new Date(now.getTime() + document.spec.validForDays * DAY_MS),
          })
          .returning({ id: schema.documents.id });
        if (document.images.length > 0) {
          await tx.insert(schema.documentFiles).values(
            document.images.map((image, position) => ({
              documentId: row!.id,
              position,
              objectKey: image.key,
              fileName: image.fileName,
              contentType: image.contentType,
              sizeBytes: image.body.byteLength,
              sha256: sha256(image.body),
            })),
          );
        }
      }
    });
  } catch (error) {
    await Promise.allSettled(stored.map((key) => deleteObject(key)));
    throw error;
  }
}

interface PlannedDocument {
  patientKey: "patient" | "otherPatient";
  spec: DemoDocument;
  file: FileToStore;
  images: FileToStore[];
}

async function planDocuments(now: Date): Promise<PlannedDocument[]> {
  const catalogues = [
    ["patient", SITI_DOCUMENTS],
    ["otherPatient", BUDI_DOCUMENTS],
  ] as const;
  const planned: PlannedDocument[] = [];
  for (const [patientKey, documents] of catalogues) {
    const patient = DEMO_USERS.find((user) => user.key === patientKey)!;
    for (const spec of documents) {
      const key = newObjectKey();
      const body = await renderBody(spec, patient.name, now);
      const images = Array.from({ length: spec.images ?? 0 }, (_, index) => ({
        key: `${key}/images/${index + 1}`,
        body: encodePng(chestRadiograph(index)),
        contentType: "image/png",
        fileName: `${spec.title} – image ${index + 1}.png`,
      }));
      planned.push({
        patientKey,
        spec,
        file: { key, body, contentType: contentTypeOf(spec), fileName: spec.fileName },
        images,
      });
    }
  }
  return planned;
}

async function renderBody(spec: DemoDocument, patient: string, now: Date): Promise<Uint8Array> {
  if (spec.body.type === "scanned-note") return encodePng(scannedNote(spec.body.seed));
  const hospital = DEMO_HOSPITALS.find((candidate) => candidate.key === spec.hospital)!;
  const issuedAt = new Date(now.getTime() - spec.issuedDaysAgo * DAY_MS);
  const validUntil =
    spec.validForDays === undefined
      ? undefined
      : new Date(now.getTime() + spec.validForDays * DAY_MS);
  return renderPdf({
    hospital: `${hospital.name}, ${hospital.city}`,
    title: spec.title,
    patient,
    issuedAt,
    author: spec.authoredByDoctor
      ? DEMO_USERS.find((user) => user.key === "doctor")!.name
      : `${hospital.name} laboratory and billing`,
    rows: spec.body.rows,
    paragraphs: spec.body.paragraphs,
    footer: validUntil ? `Valid until ${validUntil.toISOString().slice(0, 10)}` : undefined,
  });
}

function contentTypeOf(spec: DemoDocument): string {
  return spec.body.type === "scanned-note" ? "image/png" : "application/pdf";
}

function sha256(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}
