import "server-only";

import { cookiesMintedEvent } from "./audit";
import { queryOrFail, signOrFail } from "./errors";
import { imagesPrefixOf } from "./image-paths";
import { listDocumentImages } from "./list-document-images";
import type { DocumentCookies, DocumentsContext } from "./types";
import type { Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";

/**
 * Mints signed cookies whose custom policy covers every object under the document's
 * `<object key>/images/` prefix and nothing else, neither the main file nor another
 * document's files. The TTL is the document kind's and never passes validUntil. Records a
 * `cookies.minted` audit event before returning. Throws as `listDocumentImages` does.
 */
export async function mintDocumentCookies(
  context: DocumentsContext,
  viewer: Viewer,
  id: string,
  now: Date,
): Promise<DocumentCookies> {
  const { document, files } = await listDocumentImages(context, viewer, id, now);

  const signed = signOrFail(
    document.id,
    () =>
      context.signCookies({
        resourcePrefix: imagesPrefixOf(document.objectKey),
        kind: document.kind,
        validUntil: document.validUntil,
        now,
      }),
    "cookies",
  );

  const event = cookiesMintedEvent(viewer, document.id, signed, files.length, context.clientIp);
  // Cookies are only handed out once the audit log has them, as links are.
  await queryOrFail(`record the cookies for document ${document.id}`, () =>
    recordAuditEvents(context.db, [event]),
  );
  return signed;
}
