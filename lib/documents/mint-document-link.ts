import "server-only";

import { linkMintedEvent } from "./audit";
import { documentNotFound, documentNotOpenable, queryOrFail, signOrFail } from "./errors";
import { getDocumentForViewer } from "./get-document-for-viewer";
import { noLinkReason } from "./link-state";
import { documentFacts } from "./select-documents";
import type { DocumentLink, DocumentsContext } from "./types";
import type { Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";

/**
 * Mints a fresh signed URL to one document and records it in the audit log. Throws AppError("not_found") as
 * `getDocumentForViewer` does, and AppError("forbidden") when the document is visible
 * but expired, revoked or rejected.
 */
export async function mintDocumentLink(
  context: DocumentsContext,
  viewer: Viewer,
  id: string,
  now: Date,
): Promise<DocumentLink> {
  // Staff open identity documents only through openIdentityDocument (lib/verifications),
  // whose links are shorter, custom-policy and bound to their address when so configured.
  if (viewer.role === "staff") throw documentNotFound(id);
  const document = await getDocumentForViewer(context, viewer, id);

  const reason = noLinkReason(viewer, documentFacts(document), now);
  if (reason) throw documentNotOpenable(document.id, reason);

  const link = signOrFail(document.id, () =>
    context.signLink({
      objectKey: document.objectKey,
      kind: document.kind,
      validUntil: document.validUntil,
      now,
    }),
  );

  const event = linkMintedEvent(viewer, document.id, link, "document_address", context.clientIp);
  await queryOrFail(`record the link to document ${document.id}`, () =>
    recordAuditEvents(context.db, [event]),
  );
  return link;
}
