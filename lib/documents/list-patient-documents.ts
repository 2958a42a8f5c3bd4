import "server-only";

import { and, desc, inArray } from "drizzle-orm";

import { linkMintedEvent } from "./audit";
import { queryOrFail, signOrFail } from "./errors";
import { noLinkReason } from "./link-state";
import { documentFacts, selectDocuments } from "./select-documents";
import type { DocumentGroup, DocumentsContext, PatientDocument, ViewerDocument } from "./types";
import { visibleToViewer } from "./visibility";
import { canSeeDocument, PATIENT_LISTED_KINDS, type Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { documents } from "@/lib/db/schema";
import { AppError, isAppError } from "@/lib/errors";

/**
 * Lists the patient's own documents, one group per kind in `PATIENT_LISTED_KINDS` order
 * (empty groups included), newest issued first. Each openable document carries a link
 * minted now and recorded in the audit log. The others carry the reason they have none.
 */
export async function listPatientDocuments(
  context: DocumentsContext,
  viewer: Viewer,
  now: Date,
): Promise<DocumentGroup[]> {
  if (viewer.role !== "patient") {
    throw new AppError("forbidden", "Only patients have a documents page.", {
      internalMessage: `listPatientDocuments called for role ${viewer.role}`,
    });
  }

  const rows = await queryOrFail(`list documents of patient ${viewer.id}`, () =>
    selectDocuments(
      context.db,
      and(visibleToViewer(viewer), inArray(documents.kind, [...PATIENT_LISTED_KINDS])),
    ).orderBy(desc(documents.issuedAt), desc(documents.createdAt), documents.id),
  );

  const visible = rows.filter((row) => {
    if (canSeeDocument(viewer, documentFacts(row))) return true;
    // The query and the access rule disagree: a bug in one of them, never a user error.
    context.log.error(
      { userId: viewer.id, documentId: row.id },
      "Query returned a document the access rule hides",
    );
    return false;
  });
  const listed = visible.map((row) => withLink(context, viewer, row, now));

  const minted = listed.flatMap((document) =>
    document.link
      ? [linkMintedEvent(viewer, document.id, document.link, "documents_page", context.clientIp)]
      : [],
  );
  // Links are only offered once the audit log has them, so every minted link is on record.
  await queryOrFail(`record ${minted.length} minted links`, () =>
    recordAuditEvents(context.db, minted),
  );

  return PATIENT_LISTED_KINDS.map((kind) => ({
    kind,
    documents: listed.filter((document) => document.kind === kind),
  }));
}

function withLink(
  context: DocumentsContext,
  viewer: Viewer,
  row: ViewerDocument,
  now: Date,
): PatientDocument {
  const { objectKey, ...document } = row;
  const reason = noLinkReason(viewer, documentFacts(row), now);
  if (reason) return { ...document, link: null, noLinkReason: reason };

  try {
    const link = signOrFail(row.id, () =>
      context.signLink({ objectKey, kind: row.kind, validUntil: row.validUntil, now }),
    );
    return { ...document, link, noLinkReason: null };
  } catch (error) {
    // The signer rounds expiry down to whole seconds, so a document valid for less than one
    // more second is rejected there although `canOpenDocument` still allowed it.
    if (isAppError(error) && error.code === "forbidden") {
      return { ...document, link: null, noLinkReason: "expired" };
    }
    throw error;
  }
}
