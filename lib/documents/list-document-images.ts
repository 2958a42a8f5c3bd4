import "server-only";

import { asc, eq } from "drizzle-orm";

import { documentHasNoImages, documentNotOpenable, queryOrFail } from "./errors";
import { getDocumentForViewer } from "./get-document-for-viewer";
import { imagesPrefixOf } from "./image-paths";
import { noLinkReason } from "./link-state";
import { documentFacts } from "./select-documents";
import type { DocumentImages, DocumentsContext } from "./types";
import type { Viewer } from "@/lib/access";
import { documentFiles } from "@/lib/db/schema";

/**
 * Loads a document the viewer may open now with its files under `<object key>/images/`, in
 * position order. Throws AppError("not_found") as `getDocumentForViewer` does and when no
 * such file exists, and AppError("forbidden") when the document is expired, revoked or
 * rejected.
 */
export async function listDocumentImages(
  context: DocumentsContext,
  viewer: Viewer,
  id: string,
  now: Date,
): Promise<DocumentImages> {
  const document = await getDocumentForViewer(context, viewer, id);

  const reason = noLinkReason(viewer, documentFacts(document), now);
  if (reason) throw documentNotOpenable(document.id, reason);

  const rows = await queryOrFail(`list the files of document ${document.id}`, () =>
    context.db
      .select({
        position: documentFiles.position,
        fileName: documentFiles.fileName,
        contentType: documentFiles.contentType,
        objectKey: documentFiles.objectKey,
      })
      .from(documentFiles)
      .where(eq(documentFiles.documentId, document.id))
      .orderBy(asc(documentFiles.position)),
  );

  const prefix = imagesPrefixOf(document.objectKey);
  const files = rows.filter((file) => {
    if (file.objectKey.startsWith(prefix)) return true;
    // The signed cookies cover only the prefix, so the browser could not load this file.
    context.log.error(
      { documentId: document.id, objectKey: file.objectKey, prefix },
      "Document file lies outside the document's images prefix and is not shown",
    );
    return false;
  });
  if (files.length === 0) throw documentHasNoImages(document.id);

  return { document, files };
}
