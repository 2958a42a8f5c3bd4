import type { Logger } from "pino";

import type { DocumentKind, DocumentStatus } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";

/** A signed URL to one document's file and the instant it stops working. */
export interface DocumentLink {
  url: string;
  expiresAt: Date;
}

/** The signer's input for one link. The signer picks the TTL from the kind. */
export interface SignLinkRequest {
  objectKey: string;
  kind: DocumentKind;
  /** The link never outlives this instant; null means the document does not expire. */
  validUntil: Date | null;
  now?: Date;
  clientIp?: string;
}

export type SignDocumentLink = (request: SignLinkRequest) => DocumentLink;

/** The dependencies of every data-layer operation, injected so tests can supply their own. */
export interface DocumentsContext {
  db: Drizzle;
  signLink: SignDocumentLink;
  log: Logger;
  /** The viewer's address as the audit log records it; null when unknown. */
  clientIp: string | null;
}

/** The reason a visible document gets no link. */
export type NoLinkReason = "expired" | "revoked" | "rejected" | "unavailable";

/** A document row as the viewer may see it, with the names the page shows. */
export interface ViewerDocument {
  id: string;
  patientId: string;
  kind: DocumentKind;
  title: string;
  objectKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  authorId: string | null;
  authorName: string | null;
  hospitalId: string | null;
  hospitalName: string | null;
  issuedAt: Date;
  validUntil: Date | null;
  status: DocumentStatus;
}

/** One entry on the patient's documents page. */
export interface PatientDocument extends Omit<ViewerDocument, "objectKey"> {
  /** Minted while the page renders; null when the document may not be opened. */
  link: DocumentLink | null;
  /** Set exactly when `link` is null. */
  noLinkReason: NoLinkReason | null;
}

/** The patient's documents of one kind, newest first. */
export interface DocumentGroup {
  kind: DocumentKind;
  documents: PatientDocument[];
}
