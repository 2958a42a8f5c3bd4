import { describe, expect, it } from "vitest";

import { listPatientDocuments } from "./list-patient-documents";
import type { DocumentGroup } from "./types";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";
import { createDatabase } from "@/lib/db/connect";
import { AppError } from "@/lib/errors";
import { describeOnEachDatabase } from "@/test/database";
import { testDocumentsContext } from "@/test/documents-context";
import { TEST_DISTRIBUTION_URL, TEST_KEY_PAIR_ID, TEST_LINK_TTL_SECONDS } from "@/test/signer";
import {
  auditEventsBy,
  insertDocument,
  insertDocumentFile,
  insertHospital,
  insertUser,
} from "@/test/fixtures";

const NOW = new Date("2026-12-01T10:00:00Z");
const HOUR = 60 * 60 * 1000;

function idsByKind(groups: DocumentGroup[]): Record<string, string[]> {
  return Object.fromEntries(
    groups.map((group) => [group.kind, group.documents.map((document) => document.id)]),
  );
}

describeOnEachDatabase("listPatientDocuments", (database) => {
  it("lists only the patient's own documents", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const other = await insertUser(db, { role: "patient" });
    const own = await insertDocument(db, { patientId: patient.id, kind: "invoice" });
    await insertDocument(db, { patientId: other.id, kind: "invoice" });
    await insertDocument(db, { patientId: other.id, kind: "prescription" });
    const { context } = testDocumentsContext(db);

    const groups = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);

    expect(idsByKind(groups)).toEqual({
      prescription: [],
      lab_report: [],
      invoice: [own.id],
      doctor_note: [],
      identity_document: [],
    });
  });

  it("groups by kind, newest issued first", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const at = (days: number) => new Date(NOW.getTime() - days * 24 * HOUR);
    const oldLab = await insertDocument(db, {
      patientId: patient.id,
      kind: "lab_report",
      issuedAt: at(30),
    });
    const newLab = await insertDocument(db, {
      patientId: patient.id,
      kind: "lab_report",
      issuedAt: at(1),
    });
    const middleLab = await insertDocument(db, {
      patientId: patient.id,
      kind: "lab_report",
      issuedAt: at(7),
    });
    const note = await insertDocument(db, { patientId: patient.id, kind: "doctor_note" });
    const identity = await insertDocument(db, {
      patientId: patient.id,
      kind: "identity_document",
      status: "pending_verification",
    });
    const { context } = testDocumentsContext(db);

    const groups = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);

    expect(groups.map((group) => group.kind)).toEqual([
      "prescription",
      "lab_report",
      "invoice",
      "doctor_note",
      "identity_document",
    ]);
    expect(idsByKind(groups)).toEqual({
      prescription: [],
      lab_report: [newLab.id, middleLab.id, oldLab.id],
      invoice: [],
      doctor_note: [note.id],
      identity_document: [identity.id],
    });
  });

  it("hides documents whose upload is pending", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    await insertDocument(db, { patientId: patient.id, status: "pending_upload" });
    const { context } = testDocumentsContext(db);

    const groups = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);

    expect(groups.flatMap((group) => group.documents)).toEqual([]);
  });

  it("carries the author's and hospital's names", async () => {
    const { db } = database();
    const hospital = await insertHospital(db, "RS Harapan Sehat");
    const doctor = await insertUser(db, { role: "doctor", name: "dr. Anisa Putri" });
    const patient = await insertUser(db, { role: "patient" });
    const prescription = await insertDocument(db, {
      patientId: patient.id,
      kind: "prescription",
      title: "Amoxicillin 500 mg",
      authorId: doctor.id,
      hospitalId: hospital.id,
    });
    const { context } = testDocumentsContext(db);

    const [group] = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);

    expect(group?.documents).toHaveLength(1);
    const listed = group?.documents[0];
    expect(listed?.id).toBe(prescription.id);
    expect(listed?.title).toBe("Amoxicillin 500 mg");
    expect(listed?.authorName).toBe("dr. Anisa Putri");
    expect(listed?.hospitalName).toBe("RS Harapan Sehat");
    expect(listed).not.toHaveProperty("objectKey");
  });

  it("counts each document's further files", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const other = await insertUser(db, { role: "patient" });
    const xray = await insertDocument(db, { patientId: patient.id, kind: "lab_report" });
    const invoice = await insertDocument(db, { patientId: patient.id, kind: "invoice" });
    const foreign = await insertDocument(db, { patientId: other.id, kind: "lab_report" });
    for (const position of [0, 1, 2]) await insertDocumentFile(db, xray, position);
    await insertDocumentFile(db, foreign, 0);
    const { context } = testDocumentsContext(db);

    const groups = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);
    const listed = new Map(groups.flatMap((group) => group.documents).map((d) => [d.id, d]));

    expect(listed.size).toBe(2);
    expect(listed.get(xray.id)?.fileCount).toBe(3);
    expect(listed.get(invoice.id)?.fileCount).toBe(0);
  });

  it("links openable documents and explains the rest", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    // Sooner than the test signer's 5-minute TTL, so the link must stop at this instant.
    const validUntil = new Date(NOW.getTime() + 2 * 60 * 1000);
    const open = await insertDocument(db, {
      patientId: patient.id,
      kind: "prescription",
      validUntil,
      issuedAt: new Date(NOW.getTime() - 1 * HOUR),
    });
    const expired = await insertDocument(db, {
      patientId: patient.id,
      kind: "prescription",
      validUntil: NOW,
      issuedAt: new Date(NOW.getTime() - 2 * HOUR),
    });
    const revoked = await insertDocument(db, {
      patientId: patient.id,
      kind: "prescription",
      status: "revoked",
      issuedAt: new Date(NOW.getTime() - 3 * HOUR),
    });
    const rejected = await insertDocument(db, {
      patientId: patient.id,
      kind: "identity_document",
      status: "rejected",
    });
    const { context, signer } = testDocumentsContext(db);

    const groups = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);
    const listed = new Map(groups.flatMap((group) => group.documents).map((d) => [d.id, d]));

    expect(listed.get(open.id)?.noLinkReason).toBeNull();
    expect(listed.get(open.id)?.link?.expiresAt).toEqual(validUntil);
    expect(listed.get(expired.id)?.link).toBeNull();
    expect(listed.get(expired.id)?.noLinkReason).toBe("expired");
    expect(listed.get(revoked.id)?.link).toBeNull();
    expect(listed.get(revoked.id)?.noLinkReason).toBe("revoked");
    expect(listed.get(rejected.id)?.link).toBeNull();
    expect(listed.get(rejected.id)?.noLinkReason).toBe("rejected");
    expect(signer.requests).toEqual([
      { objectKey: open.objectKey, kind: "prescription", validUntil, now: NOW },
    ]);
    const events = await auditEventsBy(db, patient.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe("link.minted");
    expect(events[0]?.documentId).toBe(open.id);
    expect(events[0]?.clientIp).toBe("127.0.0.1");
    expect(events[0]?.detail).toEqual({
      expiresAt: validUntil.toISOString(),
      policyType: "canned",
      keyPairId: TEST_KEY_PAIR_ID,
      via: "documents_page",
    });
  });

  it("mints links that CloudFront verification accepts", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const invoice = await insertDocument(db, { patientId: patient.id, kind: "invoice" });
    const { context, signer } = testDocumentsContext(db);

    const groups = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);
    const url = groups.find((group) => group.kind === "invoice")?.documents[0]?.link?.url ?? "";
    const expires = NOW.getTime() / 1000 + TEST_LINK_TTL_SECONDS;
    const request = {
      origin: TEST_DISTRIBUTION_URL,
      rawTarget: url.slice(TEST_DISTRIBUTION_URL.length),
      cookieHeader: undefined,
      clientIp: "127.0.0.1",
    };

    expect(
      url.startsWith(`${TEST_DISTRIBUTION_URL}/${invoice.objectKey}?Expires=${expires}&`),
    ).toBe(true);
    expect(verifyViewerRequest(request, signer.trustedKeys, NOW).allowed).toBe(true);
    const afterExpiry = new Date(expires * 1000);
    expect(verifyViewerRequest(request, signer.trustedKeys, afterExpiry).allowed).toBe(false);
  });

  it("gives no link when under a second of validity remains", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const closing = await insertDocument(db, {
      patientId: patient.id,
      kind: "prescription",
      validUntil: new Date(NOW.getTime() + 500),
    });
    const { context } = testDocumentsContext(db);

    const groups = await listPatientDocuments(context, { ...patient, hospitalId: null }, NOW);
    const [listed] = groups.flatMap((group) => group.documents);

    expect(listed?.id).toBe(closing.id);
    expect(listed?.link).toBeNull();
    expect(listed?.noLinkReason).toBe("expired");
  });

  it("rejects viewers who are not patients", async () => {
    const { db } = database();
    const doctor = await insertUser(db, { role: "doctor" });
    const { context } = testDocumentsContext(db);

    const listing = listPatientDocuments(context, { ...doctor, hospitalId: null }, NOW);

    await expect(listing).rejects.toBeInstanceOf(AppError);
    await expect(listing).rejects.toMatchObject({
      code: "forbidden",
      userMessage: "Only patients have a documents page.",
    });
  });

  it("reports a signer failure as signing_unavailable", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const document = await insertDocument(db, { patientId: patient.id });
    const { context } = testDocumentsContext(db);
    const failing = {
      ...context,
      signLink: () => {
        throw new Error("private key is missing");
      },
    };

    const listing = listPatientDocuments(failing, { ...patient, hospitalId: null }, NOW);

    await expect(listing).rejects.toMatchObject({
      code: "signing_unavailable",
      message: `Signing a link for document ${document.id} failed`,
    });
  });
});

describe("listPatientDocuments without a database", () => {
  it("reports a refused connection as database_unavailable", async () => {
    // Port 9 (discard) has no PostgreSQL server on loopback, so the connection is refused.
    const unreachable = await createDatabase({
      kind: "postgres",
      url: "postgres://berkas@127.0.0.1:9/berkas",
    });
    const { context } = testDocumentsContext(unreachable.db);
    const viewer = {
      id: "5b0c7a56-0b9a-4c36-9d55-2f4f0e6b7a11",
      role: "patient",
      hospitalId: null,
    } as const;

    try {
      const listing = listPatientDocuments(context, viewer, NOW);

      await expect(listing).rejects.toMatchObject({
        code: "database_unavailable",
        userMessage:
          "We can't reach the document database right now. Please try again in a minute.",
        message: `Database query failed: list documents of patient ${viewer.id}`,
      });
    } finally {
      await unreachable.close();
    }
  });
});
