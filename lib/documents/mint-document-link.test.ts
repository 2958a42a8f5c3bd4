import { expect, it } from "vitest";

import { mintDocumentLink } from "./mint-document-link";
import type { Viewer } from "@/lib/access";
import { describeOnEachDatabase } from "@/test/database";
import { testDocumentsContext } from "@/test/documents-context";
import { TEST_DISTRIBUTION_URL, TEST_LINK_TTL_SECONDS } from "@/test/signer";
import { auditEventsBy, insertDocument, insertUser } from "@/test/fixtures";

const NOW = new Date("2026-12-01T10:00:00Z");

describeOnEachDatabase("mintDocumentLink", (database) => {
  it("mints a link to the patient's own document", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const document = await insertDocument(db, { patientId: patient.id, kind: "invoice" });
    const { context, signer } = testDocumentsContext(db);

    const link = await mintDocumentLink(
      context,
      { ...patient, hospitalId: null },
      document.id,
      NOW,
    );

    const expires = NOW.getTime() / 1000 + TEST_LINK_TTL_SECONDS;
    const prefix = `${TEST_DISTRIBUTION_URL}/${document.objectKey}?Expires=${expires}&Key-Pair-Id=`;
    expect(link.expiresAt).toEqual(new Date(expires * 1000));
    expect(link.url.startsWith(prefix)).toBe(true);
    expect(signer.requests).toEqual([
      { objectKey: document.objectKey, kind: "invoice", validUntil: null, now: NOW },
    ]);
    const events = await auditEventsBy(db, patient.id);
    expect(events.map((event) => [event.action, event.documentId])).toEqual([
      ["link.minted", document.id],
    ]);
    expect(events[0]?.detail).toMatchObject({ via: "document_address", policyType: "canned" });
  });

  it("rejects expired, revoked and rejected documents", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const viewer: Viewer = { ...patient, hospitalId: null };
    const expired = await insertDocument(db, {
      patientId: patient.id,
      kind: "prescription",
      validUntil: new Date(NOW.getTime() - 1),
    });
    const revoked = await insertDocument(db, { patientId: patient.id, status: "revoked" });
    const rejected = await insertDocument(db, {
      patientId: patient.id,
      kind: "identity_document",
      status: "rejected",
    });
    const { context, signer } = testDocumentsContext(db);

    await expect(mintDocumentLink(context, viewer, expired.id, NOW)).rejects.toMatchObject({
      code: "forbidden",
      userMessage: "This document has expired, so it can no longer be opened.",
      message: `Document ${expired.id} cannot be opened: expired`,
    });
    await expect(mintDocumentLink(context, viewer, revoked.id, NOW)).rejects.toMatchObject({
      code: "forbidden",
      userMessage: "This document was revoked by its author, so it can no longer be opened.",
    });
    await expect(mintDocumentLink(context, viewer, rejected.id, NOW)).rejects.toMatchObject({
      code: "forbidden",
      userMessage: "This identity document was rejected, so it can no longer be opened.",
    });
    expect(signer.requests).toEqual([]);
    expect(await auditEventsBy(db, patient.id)).toEqual([]);
  });

  it("answers not_found for another patient's document", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const other = await insertUser(db, { role: "patient" });
    const foreign = await insertDocument(db, { patientId: other.id });
    const { context, signer } = testDocumentsContext(db);

    const minting = mintDocumentLink(context, { ...patient, hospitalId: null }, foreign.id, NOW);

    await expect(minting).rejects.toMatchObject({
      code: "not_found",
      userMessage: "This document does not exist or is not available to you.",
    });
    expect(signer.requests).toEqual([]);
  });
});
