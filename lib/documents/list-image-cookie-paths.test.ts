import { expect, it } from "vitest";

import { listImageCookiePaths } from "./list-image-cookie-paths";
import { describeOnEachDatabase } from "@/test/database";
import { testDocumentsContext } from "@/test/documents-context";
import { insertDocument, insertDocumentFile, insertUser } from "@/test/fixtures";

describeOnEachDatabase("listImageCookiePaths", (database) => {
  it("lists own image documents, newest first", async () => {
    const { db } = database();
    const patient = await insertUser(db, { role: "patient" });
    const other = await insertUser(db, { role: "patient" });
    const older = await insertDocument(db, {
      patientId: patient.id,
      issuedAt: new Date("2026-10-01T08:00:00Z"),
    });
    const revoked = await insertDocument(db, {
      patientId: patient.id,
      status: "revoked",
      issuedAt: new Date("2026-11-01T08:00:00Z"),
    });
    const imageless = await insertDocument(db, { patientId: patient.id });
    const foreign = await insertDocument(db, { patientId: other.id });
    for (const document of [older, revoked, foreign]) {
      await insertDocumentFile(db, document, 0);
      await insertDocumentFile(db, document, 1);
    }
    const { context } = testDocumentsContext(db);

    const paths = await listImageCookiePaths(context, { ...patient, hospitalId: null });

    expect(paths).toEqual([`/${revoked.objectKey}/images/`, `/${older.objectKey}/images/`]);
    expect(paths.join()).not.toContain(imageless.objectKey);
  });

  it("returns nothing for other roles", async () => {
    const { db } = database();
    const doctor = await insertUser(db, { role: "doctor" });
    const patient = await insertUser(db, { role: "patient" });
    const authored = await insertDocument(db, { patientId: patient.id, authorId: doctor.id });
    await insertDocumentFile(db, authored, 0);
    const { context } = testDocumentsContext(db);

    const paths = await listImageCookiePaths(context, { ...doctor, hospitalId: null });

    expect(paths).toEqual([]);
  });
});
