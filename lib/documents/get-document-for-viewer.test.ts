import { randomUUID } from "node:crypto";

import { expect, it } from "vitest";

import { getDocumentForViewer } from "./get-document-for-viewer";
import type { Viewer } from "@/lib/access";
import { describeOnEachDatabase } from "@/test/database";
import { testDocumentsContext } from "@/test/documents-context";
import { insertDocument, insertHospital, insertUser } from "@/test/fixtures";

const NOT_FOUND = {
  code: "not_found",
  userMessage: "This document does not exist or is not available to you.",
};

describeOnEachDatabase("getDocumentForViewer", (database) => {
  it("returns the patient's own document", async () => {
    const { db } = database();
    const doctor = await insertUser(db, { role: "doctor", name: "dr. Anisa Putri" });
    const patient = await insertUser(db, { role: "patient" });
    const document = await insertDocument(db, {
      patientId: patient.id,
      kind: "doctor_note",
      title: "Follow-up after fever",
      authorId: doctor.id,
    });
    const { context } = testDocumentsContext(db);

    const found = await getDocumentForViewer(
      context,
      { ...patient, hospitalId: null },
      document.id,
    );

    expect(found.id).toBe(document.id);
    expect(found.title).toBe("Follow-up after fever");
    expect(found.objectKey).toBe(document.objectKey);
    expect(found.authorName).toBe("dr. Anisa Putri");
  });

  it("gives the same not_found for unknown, foreign and malformed ids", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const other = await insertUser(db, { role: "patient" });
    const foreign = await insertDocument(db, { patientId: other.id });
    const pending = await insertDocument(db, { patientId: patient.id, status: "pending_upload" });
    const { context } = testDocumentsContext(db);
    const viewer: Viewer = { ...patient, hospitalId: null };

    for (const id of [randomUUID(), foreign.id, pending.id, "not-a-uuid", "' OR 1=1 --", ""]) {
      const lookup = getDocumentForViewer(context, viewer, id);
      await expect(lookup, `id ${JSON.stringify(id)}`).rejects.toMatchObject(NOT_FOUND);
    }
  });

  it("finds a doctor's authored document only", async () => {
    const { db } = database();
    const author = await insertUser(db, { role: "doctor" });
    const colleague = await insertUser(db, { role: "doctor" });
    const patient = await insertUser(db, { role: "patient" });
    const document = await insertDocument(db, {
      patientId: patient.id,
      kind: "prescription",
      authorId: author.id,
    });
    const { context } = testDocumentsContext(db);

    const found = await getDocumentForViewer(context, { ...author, hospitalId: null }, document.id);
    const byColleague = getDocumentForViewer(
      context,
      { ...colleague, hospitalId: null },
      document.id,
    );

    expect(found.id).toBe(document.id);
    await expect(byColleague).rejects.toMatchObject(NOT_FOUND);
  });

  it("finds pending identity documents for staff of that hospital", async () => {
    const { db } = database();
    const harapan = await insertHospital(db, "RS Harapan Sehat");
    const mitra = await insertHospital(db, "RS Mitra Medika");
    const staff = await insertUser(db, { role: "staff", hospitalId: harapan.id });
    const otherStaff = await insertUser(db, { role: "staff", hospitalId: mitra.id });
    const admin = await insertUser(db, { role: "admin" });
    const patient = await insertUser(db, { role: "patient" });
    const pending = await insertDocument(db, {
      patientId: patient.id,
      kind: "identity_document",
      status: "pending_verification",
      hospitalId: harapan.id,
    });
    const verified = await insertDocument(db, {
      patientId: patient.id,
      kind: "identity_document",
      status: "verified",
      hospitalId: harapan.id,
    });
    const { context } = testDocumentsContext(db);
    const staffViewer: Viewer = { id: staff.id, role: "staff", hospitalId: harapan.id };

    const found = await getDocumentForViewer(context, staffViewer, pending.id);

    expect(found.hospitalName).toBe("RS Harapan Sehat");
    await expect(getDocumentForViewer(context, staffViewer, verified.id)).rejects.toMatchObject(
      NOT_FOUND,
    );
    await expect(
      getDocumentForViewer(
        context,
        { id: otherStaff.id, role: "staff", hospitalId: mitra.id },
        pending.id,
      ),
    ).rejects.toMatchObject(NOT_FOUND);
    await expect(
      getDocumentForViewer(context, { id: admin.id, role: "admin", hospitalId: null }, pending.id),
    ).rejects.toMatchObject(NOT_FOUND);
  });
});
