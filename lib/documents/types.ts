import type { Logger } from "pino";

import type { DocumentKind, DocumentStatus } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import type { SignedCookie } from "@/lib/signing/sign";

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

/** Signed cookies for every object under one key prefix, with their cookie Path. */
export interface DocumentCookies {
  cookies: SignedCookie[];
  /** The percent-encoded URL path of the prefix, e.g. `/documents/<uuid>/images/`. */
  path: string;
  expiresAt: Date;
}

/** The signer's input for one set of cookies. The signer picks the TTL from the kind. */
export interface SignCookiesRequest {
  /** Object key prefix the policy covers. The signer appends `*`. */
  resourcePrefix: string;
  kind: DocumentKind;
  /** The cookies never outlive this instant. Null means the document does not expire. */
  validUntil: Date | null;
  now?: Date;
}

export type SignDocumentCookies = (request: SignCookiesRequest) => DocumentCookies;

/** The dependencies of every data-layer operation, injected so tests can supply their own. */
export interface DocumentsContext {
  db: Drizzle;
  signLink: SignDocumentLink;
  signCookies: SignDocumentCookies;
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
  /** The number of further files (document_files rows), such as the images of a study. */
  fileCount: number;
}

/** One entry on the patient's documents page. */
export interface PatientDocument extends Omit<ViewerDocument, "objectKey"> {
  /** Minted while the page renders; null when the document may not be opened. */
  link: DocumentLink | null;
  /** Set exactly when `link` is null. */
  noLinkReason: NoLinkReason | null;
}

/** One further file of a document, such as one image of a multi-file lab report. */
export interface DocumentFile {
  /** Order within the document, starting at 0. */
  position: number;
  fileName: string;
  contentType: string;
  objectKey: string;
}

/** A document the viewer may open, with its further files in position order. */
export interface DocumentImages {
  document: ViewerDocument;
  files: DocumentFile[];
}

/** The patient's documents of one kind, newest first. */
export interface DocumentGroup {
  kind: DocumentKind;
  documents: PatientDocument[];
}
