/**
 * The portal's access rules, in one place: who may do what with which document.
 * Pure functions of plain facts, so the data layer, server actions and route handlers
 * ask the same question and tests can cover every role without a database.
 */

export type Role = "patient" | "doctor" | "staff" | "admin";

export type DocumentKind =
  "prescription" | "lab_report" | "invoice" | "doctor_note" | "identity_document";

export type DocumentStatus =
  "active" | "revoked" | "pending_upload" | "pending_verification" | "verified" | "rejected";

/** The signed-in user as access rules see them. */
export interface Viewer {
  id: string;
  role: Role;
  /** The hospital a staff member works for; null for other roles. */
  hospitalId: string | null;
}

/** The facts about a document that access depends on. */
export interface DocumentFacts {
  patientId: string;
  authorId: string | null;
  kind: DocumentKind;
  status: DocumentStatus;
  /** For identity documents: the hospital of the appointment it was uploaded for. */
  hospitalId: string | null;
  validUntil: Date | null;
}

/** Kinds a doctor may issue for a patient. */
export const ISSUABLE_KINDS: readonly DocumentKind[] = ["prescription", "doctor_note"];

/** Kinds listed on a patient's documents page. */
export const PATIENT_LISTED_KINDS: readonly DocumentKind[] = [
  "prescription",
  "lab_report",
  "invoice",
  "doctor_note",
  "identity_document",
];

export function isExpired(document: Pick<DocumentFacts, "validUntil">, now: Date): boolean {
  return document.validUntil !== null && document.validUntil.getTime() <= now.getTime();
}

/** Returns whether the document appears in the viewer's lists (open links are a separate rule). */
export function canSeeDocument(viewer: Viewer, document: DocumentFacts): boolean {
  if (document.status === "pending_upload") return false;
  switch (viewer.role) {
    case "patient":
      return document.patientId === viewer.id;
    case "doctor":
      return document.authorId === viewer.id;
    case "staff":
      return isPendingAtHospital(viewer, document);
    case "admin":
      return false;
  }
}

/**
 * Returns whether a link to the document's file may be minted for the viewer now. Revoked and
 * expired documents get no link anywhere, and staff lose access once a decision is recorded.
 */
export function canOpenDocument(viewer: Viewer, document: DocumentFacts, now: Date): boolean {
  if (!canSeeDocument(viewer, document)) return false;
  if (document.status === "revoked" || document.status === "rejected") {
    return false;
  }
  if (isExpired(document, now)) return false;
  return true;
}

/** Returns whether the viewer may issue a document of this kind to a patient. */
export function canIssueDocument(viewer: Viewer, kind: DocumentKind): boolean {
  return viewer.role === "doctor" && ISSUABLE_KINDS.includes(kind);
}

/** Returns whether the viewer may revoke the document: only its author, only while it is active. */
export function canRevokeDocument(viewer: Viewer, document: DocumentFacts): boolean {
  return (
    viewer.role === "doctor" &&
    document.authorId === viewer.id &&
    ISSUABLE_KINDS.includes(document.kind) &&
    document.status === "active"
  );
}

/** The facts about an appointment that uploads depend on. */
export interface AppointmentFacts {
  patientId: string;
  hospitalId: string;
  status: "scheduled" | "completed" | "cancelled";
}

/** Returns whether the viewer may upload an identity document for the appointment. */
export function canUploadIdentityDocument(viewer: Viewer, appointment: AppointmentFacts): boolean {
  return (
    viewer.role === "patient" &&
    appointment.patientId === viewer.id &&
    appointment.status === "scheduled"
  );
}

/** Returns whether the viewer may record a verification decision on the identity document. */
export function canDecideVerification(viewer: Viewer, document: DocumentFacts): boolean {
  return isPendingAtHospital(viewer, document);
}

export function canReadAuditLog(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

export function canManageSigningKeys(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

function isPendingAtHospital(viewer: Viewer, document: DocumentFacts): boolean {
  return (
    viewer.role === "staff" &&
    viewer.hospitalId !== null &&
    document.kind === "identity_document" &&
    document.status === "pending_verification" &&
    document.hospitalId === viewer.hospitalId
  );
}
