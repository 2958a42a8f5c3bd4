import "server-only";

import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";

import type { Viewer } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { appointments, documents, hospitals, identityVerifications } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * How long an appointment stays listed after its start, so that a patient asked for an
 * identity document at the registration desk can still upload one.
 */
export const LISTED_AFTER_START_MS = 12 * 60 * 60 * 1000;

/** Identity document statuses shown to the patient. `pending_upload` rows are never listed. */
const LISTED_STATUSES = ["pending_verification", "verified", "rejected"] as const;

export type IdentityDocumentStatus = (typeof LISTED_STATUSES)[number];

/** One identity document uploaded for an appointment, as shown to its patient. */
export interface AppointmentIdentityDocument {
  id: string;
  title: string;
  fileName: string;
  status: IdentityDocumentStatus;
  uploadedAt: Date;
  decidedAt: Date | null;
  /** The staff member's reason, shown to the patient when the document was rejected. */
  rejectionReason: string | null;
}

export interface UpcomingAppointment {
  id: string;
  hospitalName: string;
  hospitalCity: string;
  department: string;
  scheduledAt: Date;
  /** Summary of `identityDocuments`, computed by `identityStatusOf`. */
  identityStatus: IdentityDocumentStatus | "none";
  /** Newest first. */
  identityDocuments: AppointmentIdentityDocument[];
}

/**
 * Lists the patient's scheduled appointments that start at or after `now` minus
 * `LISTED_AFTER_START_MS`, soonest first, each with the identity documents uploaded for it.
 * Throws AppError("forbidden") for any other role.
 */
export async function listUpcomingAppointments(
  db: Drizzle,
  viewer: Viewer,
  now: Date,
): Promise<UpcomingAppointment[]> {
  if (viewer.role !== "patient") {
    throw new AppError("forbidden", "Only patients have an appointments page.", {
      internalMessage: `listUpcomingAppointments called for role ${viewer.role}`,
    });
  }

  const rows = await db
    .select({
      id: appointments.id,
      hospitalName: hospitals.name,
      hospitalCity: hospitals.city,
      department: appointments.department,
      scheduledAt: appointments.scheduledAt,
    })
    .from(appointments)
    .innerJoin(hospitals, eq(hospitals.id, appointments.hospitalId))
    .where(
      and(
        eq(appointments.patientId, viewer.id),
        eq(appointments.status, "scheduled"),
        gte(appointments.scheduledAt, new Date(now.getTime() - LISTED_AFTER_START_MS)),
      ),
    )
    .orderBy(asc(appointments.scheduledAt), asc(appointments.id));
  if (rows.length === 0) return [];

  const uploaded = await selectIdentityDocuments(
    db,
    viewer,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const identityDocuments = uploaded
      .filter((document) => document.appointmentId === row.id)
      .map(({ appointmentId: _appointmentId, ...document }) => document);
    return { ...row, identityStatus: identityStatusOf(identityDocuments), identityDocuments };
  });
}

/**
 * Summarises an appointment's identity documents: verified once any document is verified,
 * else awaiting verification while any is pending, else rejected, else none.
 */
export function identityStatusOf(
  identityDocuments: readonly Pick<AppointmentIdentityDocument, "status">[],
): UpcomingAppointment["identityStatus"] {
  for (const status of ["verified", "pending_verification", "rejected"] as const) {
    if (identityDocuments.some((document) => document.status === status)) return status;
  }
  return "none";
}

async function selectIdentityDocuments(db: Drizzle, viewer: Viewer, appointmentIds: string[]) {
  const rows = await db
    .select({
      id: documents.id,
      appointmentId: documents.appointmentId,
      title: documents.title,
      fileName: documents.fileName,
      status: documents.status,
      uploadedAt: documents.createdAt,
      decidedAt: identityVerifications.decidedAt,
      decision: identityVerifications.decision,
      reason: identityVerifications.reason,
    })
    .from(documents)
    .leftJoin(identityVerifications, eq(identityVerifications.documentId, documents.id))
    .where(
      and(
        eq(documents.patientId, viewer.id),
        eq(documents.kind, "identity_document"),
        inArray(documents.appointmentId, appointmentIds),
        inArray(documents.status, [...LISTED_STATUSES]),
      ),
    )
    .orderBy(desc(documents.createdAt), desc(documents.id));

  return rows.map(({ decision, reason, status, ...row }) => ({
    ...row,
    status: status as IdentityDocumentStatus,
    rejectionReason: decision === "rejected" ? reason : null,
  }));
}
