import "server-only";

import { and, asc, eq } from "drizzle-orm";

import { canSeeDocument, type Viewer } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { appointments, documents, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export interface PendingVerification {
  documentId: string;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
  patientName: string;
  appointmentAt: Date;
  department: string;
}

/**
 * Lists the identity documents awaiting verification for appointments at the staff
 * member's own hospital, oldest upload first. The hospital filter is part of the query.
 */
export async function listPendingVerifications(
  db: Drizzle,
  viewer: Viewer,
): Promise<PendingVerification[]> {
  if (viewer.role !== "staff" || viewer.hospitalId === null) {
    throw new AppError("forbidden", "Only hospital staff can verify identity documents.");
  }
  const rows = await db
    .select({ document: documents, patientName: users.name, appointment: appointments })
    .from(documents)
    .innerJoin(users, eq(users.id, documents.patientId))
    .innerJoin(appointments, eq(appointments.id, documents.appointmentId))
    .where(
      and(
        eq(documents.kind, "identity_document"),
        eq(documents.status, "pending_verification"),
        eq(documents.hospitalId, viewer.hospitalId),
        eq(appointments.hospitalId, viewer.hospitalId),
      ),
    )
    .orderBy(asc(documents.createdAt));

  return rows
    .filter((row) => canSeeDocument(viewer, row.document))
    .map(({ document, patientName, appointment }) => ({
      documentId: document.id,
      title: document.title,
      fileName: document.fileName,
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
      uploadedAt: document.createdAt,
      patientName,
      appointmentAt: appointment.scheduledAt,
      department: appointment.department,
    }));
}
