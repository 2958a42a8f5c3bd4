import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";

import pino from "pino";
import { expect, it } from "vitest";

import { listDocumentImages } from "./list-document-images";
import type { Viewer } from "@/lib/access";
import { describeOnEachDatabase } from "@/test/database";
import { testDocumentsContext } from "@/test/documents-context";
import { auditEventsBy, insertDocument, insertDocumentFile, insertUser } from "@/test/fixtures";

const NOW = new Date("2026-12-01T10:00:00Z");

/** Creates a logger that keeps each JSON line it writes, for asserting on logged errors. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: "error" }, stream), lines };
}

describeOnEachDatabase("listDocumentImages", (database) => {
  it("lists the files in position order", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const report = await insertDocument(db, { patientId: patient.id, title: "Chest X-ray" });
    for (const position of [2, 0, 1]) await insertDocumentFile(db, report, position);
    const { context, signer } = testDocumentsContext(db);

    const { document, files } = await listDocumentImages(
      context,
      { ...patient, hospitalId: null },
      report.id,
      NOW,
    );

    expect(document.id).toBe(report.id);
    expect(document.title).toBe("Chest X-ray");
    expect(document.fileCount).toBe(3);
    expect(files).toEqual(
      [0, 1, 2].map((position) => ({
        position,
        fileName: `image-${position + 1}.png`,
        contentType: "image/png",
        objectKey: `${report.objectKey}/images/${position + 1}`,
      })),
    );
    expect(signer.cookieRequests).toEqual([]);
    expect(await auditEventsBy(db, patient.id)).toEqual([]);
  });

  it("leaves out files outside the images prefix", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const report = await insertDocument(db, { patientId: patient.id });
    await insertDocumentFile(db, report, 0);
    const stray = `${report.objectKey}/scans/1`;
    await insertDocumentFile(db, report, 1, stray);
    const { context } = testDocumentsContext(db);
    const { log, lines } = capturingLogger();

    const { files } = await listDocumentImages(
      { ...context, log },
      { ...patient, hospitalId: null },
      report.id,
      NOW,
    );

    expect(files.map((file) => file.objectKey)).toEqual([`${report.objectKey}/images/1`]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      documentId: report.id,
      objectKey: stray,
      prefix: `${report.objectKey}/images/`,
      msg: "Document file lies outside the document's images prefix and is not shown",
    });
  });

  it("gives not_found for foreign, unknown and imageless documents", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const other = await insertUser(db, { role: "patient" });
    const foreign = await insertDocument(db, { patientId: other.id });
    await insertDocumentFile(db, foreign, 0);
    const imageless = await insertDocument(db, { patientId: patient.id });
    const { context } = testDocumentsContext(db);
    const viewer: Viewer = { ...patient, hospitalId: null };

    for (const id of [foreign.id, randomUUID()]) {
      await expect(listDocumentImages(context, viewer, id, NOW), id).rejects.toMatchObject({
        code: "not_found",
        userMessage: "This document does not exist or is not available to you.",
      });
    }
    await expect(listDocumentImages(context, viewer, imageless.id, NOW)).rejects.toMatchObject({
      code: "not_found",
      userMessage: "This document has no images to show.",
    });
  });

  it("rejects a revoked document", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const revoked = await insertDocument(db, { patientId: patient.id, status: "revoked" });
    await insertDocumentFile(db, revoked, 0);
    const { context } = testDocumentsContext(db);

    const listing = listDocumentImages(context, { ...patient, hospitalId: null }, revoked.id, NOW);

    await expect(listing).rejects.toMatchObject({
      code: "forbidden",
      userMessage: "This document was revoked by its author, so it can no longer be opened.",
      message: `Document ${revoked.id} cannot be opened: revoked`,
    });
  });
});
