import "server-only";

import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import { canSeeDocument, isExpired, type Viewer } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { documents, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export interface AuthoredDocument {
  id: string;
  kind: "prescription" | "lab_report" | "invoice" | "doctor_note" | "identity_document";
  title: string;
  patientName: string;
  issuedAt: Date;
  validUntil: Date | null;
  status: "active" | "revoked" | "expired";
}

const patients = alias(users, "patients");

/** Lists the documents the doctor authored, newest first, with each one's state today. */
export async function listAuthoredDocuments(
  db: Drizzle,
  viewer: Viewer,
  now: Date,
): Promise<AuthoredDocument[]> {
  if (viewer.role !== "doctor") {
    throw new AppError("forbidden", "Only doctors have authored documents.");
  }
  const rows = await db
    .select({ document: documents, patientName: patients.name })
    .from(documents)
    .innerJoin(patients, eq(patients.id, documents.patientId))
    .where(eq(documents.authorId, viewer.id))
    .orderBy(desc(documents.issuedAt))
    .limit(500);

  return rows
    .filter((row) => canSeeDocument(viewer, row.document))
    .map(({ document, patientName }) => ({
      id: document.id,
      kind: document.kind,
      title: document.title,
      patientName,
      issuedAt: document.issuedAt,
      validUntil: document.validUntil,
      status:
        document.status === "revoked" ? "revoked" : isExpired(document, now) ? "expired" : "active",
    }));
}
