import { randomUUID } from "node:crypto";

import { expect, it } from "vitest";

import { mintDocumentCookies } from "./mint-document-cookies";
import type { Viewer } from "@/lib/access";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";
import { describeOnEachDatabase } from "@/test/database";
import { testDocumentsContext } from "@/test/documents-context";
import { auditEventsBy, insertDocument, insertDocumentFile, insertUser } from "@/test/fixtures";
import { TEST_DISTRIBUTION_URL, TEST_KEY_PAIR_ID, TEST_LINK_TTL_SECONDS } from "@/test/signer";

const NOW = new Date("2026-12-01T10:00:00Z");

const NOT_FOUND = {
  code: "not_found",
  userMessage: "This document does not exist or is not available to you.",
};

function cookieHeaderOf(cookies: { name: string; value: string }[]): string {
  return cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
}

describeOnEachDatabase("mintDocumentCookies", (database) => {
  it("signs cookies for the images prefix", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const report = await insertDocument(db, { patientId: patient.id, kind: "lab_report" });
    for (const position of [0, 1, 2]) await insertDocumentFile(db, report, position);
    const { context, signer } = testDocumentsContext(db);

    const signed = await mintDocumentCookies(
      context,
      { ...patient, hospitalId: null },
      report.id,
      NOW,
    );

    const expiresAt = new Date(NOW.getTime() + TEST_LINK_TTL_SECONDS * 1000);
    expect(signed.path).toBe(`/${report.objectKey}/images/`);
    expect(signed.expiresAt).toEqual(expiresAt);
    expect(signed.cookies.map((cookie) => cookie.name)).toEqual([
      "CloudFront-Policy",
      "CloudFront-Key-Pair-Id",
      "CloudFront-Signature",
      "CloudFront-Hash-Algorithm",
    ]);
    expect(signer.cookieRequests).toEqual([
      {
        resourcePrefix: `${report.objectKey}/images/`,
        kind: "lab_report",
        validUntil: null,
        now: NOW,
      },
    ]);
    expect(signer.requests).toEqual([]);
  });

  it("records the cookies without their values", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const report = await insertDocument(db, { patientId: patient.id });
    for (const position of [0, 1, 2]) await insertDocumentFile(db, report, position);
    const { context } = testDocumentsContext(db);

    const signed = await mintDocumentCookies(
      context,
      { ...patient, hospitalId: null },
      report.id,
      NOW,
    );

    const events = await auditEventsBy(db, patient.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe("cookies.minted");
    expect(events[0]?.documentId).toBe(report.id);
    expect(events[0]?.clientIp).toBe("127.0.0.1");
    expect(events[0]?.detail).toEqual({
      expiresAt: signed.expiresAt.toISOString(),
      policyType: "custom",
      keyPairId: TEST_KEY_PAIR_ID,
      path: `/${report.objectKey}/images/`,
      fileCount: 3,
    });
    const stored = JSON.stringify(events);
    for (const cookie of signed.cookies.filter((c) => c.name !== "CloudFront-Key-Pair-Id")) {
      expect(stored, cookie.name).not.toContain(cookie.value);
    }
  });

  it("mints cookies that only cover the images", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const report = await insertDocument(db, { patientId: patient.id });
    const other = await insertDocument(db, { patientId: patient.id });
    for (const position of [0, 1, 2]) await insertDocumentFile(db, report, position);
    await insertDocumentFile(db, other, 0);
    const { context, signer } = testDocumentsContext(db);

    const signed = await mintDocumentCookies(
      context,
      { ...patient, hospitalId: null },
      report.id,
      NOW,
    );
    const verify = (path: string, now = NOW) =>
      verifyViewerRequest(
        {
          origin: TEST_DISTRIBUTION_URL,
          rawTarget: path,
          cookieHeader: cookieHeaderOf(signed.cookies),
          clientIp: "127.0.0.1",
        },
        signer.trustedKeys,
        now,
      );

    const image = verify(`/${report.objectKey}/images/2`);
    expect(image).toMatchObject({ allowed: true, mode: "cookie", policy: "custom" });
    expect(verify(`/${report.objectKey}`)).toMatchObject({ allowed: false, code: "AccessDenied" });
    expect(verify(`/${report.objectKey}/images`)).toMatchObject({
      allowed: false,
      code: "AccessDenied",
    });
    expect(verify(`/${report.objectKey}/imagesX/1`)).toMatchObject({
      allowed: false,
      code: "AccessDenied",
    });
    expect(verify(`/${other.objectKey}/images/1`)).toMatchObject({
      allowed: false,
      code: "AccessDenied",
    });
    expect(verify(`/${report.objectKey}/images/2`, signed.expiresAt)).toMatchObject({
      allowed: false,
      code: "AccessDenied",
    });
  });

  it("never outlives the document's validity", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    // Sooner than the test signer's 5-minute TTL, so the cookies must stop at this instant.
    const validUntil = new Date(NOW.getTime() + 2 * 60 * 1000);
    const report = await insertDocument(db, { patientId: patient.id, validUntil });
    await insertDocumentFile(db, report, 0);
    const { context } = testDocumentsContext(db);

    const signed = await mintDocumentCookies(
      context,
      { ...patient, hospitalId: null },
      report.id,
      NOW,
    );

    expect(signed.expiresAt).toEqual(validUntil);
  });

  it("gives not_found for unknown and foreign ids", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const other = await insertUser(db, { role: "patient" });
    const foreign = await insertDocument(db, { patientId: other.id });
    await insertDocumentFile(db, foreign, 0);
    const { context, signer } = testDocumentsContext(db);
    const viewer: Viewer = { ...patient, hospitalId: null };

    for (const id of [foreign.id, randomUUID(), "not-a-uuid"]) {
      const minting = mintDocumentCookies(context, viewer, id, NOW);
      await expect(minting, `id ${id}`).rejects.toMatchObject(NOT_FOUND);
    }
    expect(signer.cookieRequests).toEqual([]);
    expect(await auditEventsBy(db, patient.id)).toEqual([]);
  });

  it("rejects expired and revoked documents", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const expired = await insertDocument(db, { patientId: patient.id, validUntil: NOW });
    const revoked = await insertDocument(db, { patientId: patient.id, status: "revoked" });
    await insertDocumentFile(db, expired, 0);
    await insertDocumentFile(db, revoked, 0);
    const { context, signer } = testDocumentsContext(db);
    const viewer: Viewer = { ...patient, hospitalId: null };

    await expect(mintDocumentCookies(context, viewer, expired.id, NOW)).rejects.toMatchObject({
      code: "forbidden",
      userMessage: "This document has expired, so it can no longer be opened.",
      message: `Document ${expired.id} cannot be opened: expired`,
    });
    await expect(mintDocumentCookies(context, viewer, revoked.id, NOW)).rejects.toMatchObject({
      code: "forbidden",
      userMessage: "This document was revoked by its author, so it can no longer be opened.",
    });
    expect(signer.cookieRequests).toEqual([]);
    expect(await auditEventsBy(db, patient.id)).toEqual([]);
  });

  it("gives not_found for a document without images", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const invoice = await insertDocument(db, { patientId: patient.id, kind: "invoice" });
    const { context, signer } = testDocumentsContext(db);

    const minting = mintDocumentCookies(context, { ...patient, hospitalId: null }, invoice.id, NOW);

    await expect(minting).rejects.toMatchObject({
      code: "not_found",
      userMessage: "This document has no images to show.",
      message: `Document ${invoice.id} has no files under its images prefix`,
    });
    expect(signer.cookieRequests).toEqual([]);
  });

  it("reports a signer failure as signing_unavailable", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const report = await insertDocument(db, { patientId: patient.id });
    await insertDocumentFile(db, report, 0);
    const { context } = testDocumentsContext(db);
    const failing = {
      ...context,
      signCookies: () => {
        throw new Error("private key is missing");
      },
    };

    const minting = mintDocumentCookies(failing, { ...patient, hospitalId: null }, report.id, NOW);

    await expect(minting).rejects.toMatchObject({
      code: "signing_unavailable",
      message: `Signing cookies for document ${report.id} failed`,
    });
    expect(await auditEventsBy(db, patient.id)).toEqual([]);
  });
});
