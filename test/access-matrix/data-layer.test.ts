/**
 * Every role × document kind × action through the data layer, against real PGlite and
 * PostgreSQL and a real s3rver. EXPECTED lists exactly the cells that must succeed; every
 * other cell must fail. Actions that change state get a fresh document per cell.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, expect, test } from "vitest";

import type { DocumentKind, Viewer } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { appointments, documents, identityVerifications } from "@/lib/db/schema";
import { listPatientDocuments, mintDocumentLink } from "@/lib/documents";
import { isAppError } from "@/lib/errors";
import { issueDocument, listAuthoredDocuments, revokeDocument } from "@/lib/issuing";
import { createS3Client } from "@/lib/storage/client";
import type { Storage } from "@/lib/storage";
import { startIdentityUpload } from "@/lib/uploads";
import {
  decideVerification,
  listPendingVerifications,
  openIdentityDocument,
  type SignStaffLink,
} from "@/lib/verifications";
import { startS3Store } from "@/scripts/stack/s3-store";
import { describeOnEachDatabase } from "@/test/database";
import { testDocumentsContext } from "@/test/documents-context";
import { insertDocument, insertHospital, insertUser } from "@/test/fixtures";

const ACTORS = [
  "patient",
  "otherPatient",
  "doctor",
  "otherDoctor",
  "staff",
  "otherStaff",
  "admin",
] as const;
type Actor = (typeof ACTORS)[number];

const KINDS: readonly DocumentKind[] = [
  "prescription",
  "lab_report",
  "invoice",
  "doctor_note",
  "identity_document",
];

const ACTIONS = ["list", "open", "upload", "issue", "decide", "revoke"] as const;
type Action = (typeof ACTIONS)[number];

/**
 * The allowed cells. The patient owns every document, and the doctor authored the
 * prescription and the doctor note. The identity document is pending verification for an
 * appointment at the staff member's hospital. Everything not listed here must fail.
 */
const EXPECTED: Record<Actor, Partial<Record<Action, readonly DocumentKind[]>>> = {
  patient: {
    list: KINDS,
    open: KINDS,
    upload: ["identity_document"],
  },
  otherPatient: {},
  doctor: {
    list: ["prescription", "doctor_note"],
    open: ["prescription", "doctor_note"],
    issue: ["prescription", "doctor_note"],
    revoke: ["prescription", "doctor_note"],
  },
  otherDoctor: {
    issue: ["prescription", "doctor_note"],
  },
  staff: {
    list: ["identity_document"],
    open: ["identity_document"],
    decide: ["identity_document"],
  },
  otherStaff: {},
  admin: {},
};

let dataDir: string;
let store: { port: number; close(): Promise<void> };
let storage: Storage;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "berkas-matrix-"));
  store = await startS3Store({ port: 0, dataDir, bucket: "berkas-matrix", allowedOrigins: [] });
  storage = {
    bucket: "berkas-matrix",
    client: createS3Client({
      endpoint: `http://127.0.0.1:${store.port}`,
      region: "us-east-1",
      bucket: "berkas-matrix",
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      forcePathStyle: true,
    }),
  };
});

afterAll(async () => {
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const staffLinkSigner: SignStaffLink = ({ objectKey, now }) => ({
  url: `http://localhost:9/${objectKey}?Policy=test`,
  expiresAt: new Date(now.getTime() + 60_000),
  policyType: "custom",
  keyPairId: "KTESTMATRIX000",
});

describeOnEachDatabase("access matrix", (database) => {
  let viewers: Record<Actor, Viewer>;
  let hospitalId: string;
  let appointmentId: string;

  const log = pino({ level: "silent" });
  const now = () => new Date();

  beforeAll(async () => {
    const { db } = database();
    const hospital = await insertHospital(db, "RS Matrix A");
    const otherHospital = await insertHospital(db, "RS Matrix B");
    hospitalId = hospital.id;
    const user = async (role: Viewer["role"], hospital: string | null = null) => {
      const row = await insertUser(db, { role, hospitalId: hospital });
      return { id: row.id, role, hospitalId: hospital };
    };
    viewers = {
      patient: await user("patient"),
      otherPatient: await user("patient"),
      doctor: await user("doctor"),
      otherDoctor: await user("doctor"),
      staff: await user("staff", hospital.id),
      otherStaff: await user("staff", otherHospital.id),
      admin: await user("admin"),
    };
    const [appointment] = await db
      .insert(appointments)
      .values({
        patientId: viewers.patient.id,
        hospitalId: hospital.id,
        department: "Internal medicine",
        scheduledAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    appointmentId = appointment!.id;
  });

  /** Inserts a fresh document of `kind` owned by the patient, in the state the matrix assumes. */
  async function freshDocument(db: Drizzle, kind: DocumentKind) {
    const authored = kind === "prescription" || kind === "doctor_note";
    const document = await insertDocument(db, {
      patientId: viewers.patient.id,
      kind,
      authorId: authored ? viewers.doctor.id : null,
      hospitalId,
      status: kind === "identity_document" ? "pending_verification" : "active",
      validUntil: kind === "prescription" ? new Date(Date.now() + 7 * 86_400_000) : null,
    });
    if (kind === "identity_document") {
      await db.update(documents).set({ appointmentId }).where(eq(documents.id, document.id));
      await db.insert(identityVerifications).values({ documentId: document.id, appointmentId });
    }
    return document;
  }

  async function attempt(actor: Actor, action: Action, kind: DocumentKind): Promise<boolean> {
    const { db } = database();
    const viewer = viewers[actor];
    const document = await freshDocument(db, kind);
    const documentsContext = testDocumentsContext(db).context;
    const issuing = { db, storage, log, now, clientIp: "127.0.0.1" };
    const verifications = {
      db,
      log,
      now,
      clientIp: "127.0.0.1",
      bindToClientIp: false,
      signLink: staffLinkSigner,
    };
    try {
      switch (action) {
        case "list":
          return (await listedIds(db, viewer)).includes(document.id);
        case "open":
          if (viewer.role === "staff") {
            await openIdentityDocument(verifications, viewer, document.id);
          } else {
            await mintDocumentLink(documentsContext, viewer, document.id, now());
          }
          return true;
        case "upload":
          if (kind !== "identity_document") return false;
          await startIdentityUpload({ ...issuing }, viewer, {
            appointmentId,
            identityType: "passport",
            fileName: "passport.pdf",
            contentType: "application/pdf",
            sizeBytes: 2048,
          });
          return true;
        case "issue":
          await issueDocument(issuing, viewer, {
            patientId: viewers.patient.id,
            hospitalId,
            kind: kind as "prescription",
            title: "Matrix document",
            validUntil: new Date(Date.now() + 86_400_000),
            source: {
              type: "form",
              medicines: [{ name: "Paracetamol 500 mg", dose: "One tablet", quantity: "10" }],
              instructions: "",
            },
          });
          return true;
        case "decide":
          await decideVerification(verifications, viewer, document.id, { decision: "verified" });
          return true;
        case "revoke":
          await revokeDocument(issuing, viewer, document.id, "matrix");
          return true;
      }
    } catch {
      return false;
    }
  }

  async function listedIds(db: Drizzle, viewer: Viewer): Promise<string[]> {
    switch (viewer.role) {
      case "patient": {
        const groups = await listPatientDocuments(testDocumentsContext(db).context, viewer, now());
        return groups.flatMap((group) => group.documents.map((document) => document.id));
      }
      case "doctor":
        return (await listAuthoredDocuments(db, viewer, now())).map((document) => document.id);
      case "staff":
        return (await listPendingVerifications(db, viewer)).map((item) => item.documentId);
      case "admin":
        return [];
    }
  }

  test("every cell matches the table", async () => {
    const mismatches: string[] = [];
    for (const actor of ACTORS) {
      for (const action of ACTIONS) {
        for (const kind of KINDS) {
          const allowed = EXPECTED[actor][action]?.includes(kind) ?? false;
          const succeeded = await attempt(actor, action, kind);
          if (succeeded !== allowed) {
            mismatches.push(`${actor} ${action} ${kind}: expected ${allowed}, got ${succeeded}`);
          }
        }
      }
    }

    expect(mismatches).toEqual([]);
  }, 120_000);

  test("staff get no plain document links", async () => {
    const { db } = database();
    const document = await freshDocument(db, "identity_document");
    const context = testDocumentsContext(db).context;

    const error = await mintDocumentLink(context, viewers.staff, document.id, now()).catch(
      (caught: unknown) => caught,
    );

    expect(isAppError(error)).toBe(true);
    expect(isAppError(error) ? error.code : null).toBe("not_found");
  });
});
