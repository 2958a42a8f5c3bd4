import "server-only";

import { and, eq } from "drizzle-orm";

import { documentNotFound, queryOrFail } from "./errors";
import { documentFacts, selectDocuments } from "./select-documents";
import type { DocumentsContext, ViewerDocument } from "./types";
import { visibleToViewer } from "./visibility";
import { canSeeDocument, type Viewer } from "@/lib/access";
import { documents } from "@/lib/db/schema";

/** The canonical text form of a UUID; PostgreSQL rejects anything else with an error. */
const DOCUMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads one document the viewer may see. Throws AppError("not_found") alike for a
 * malformed id, an unknown id and a document the viewer may not see.
 */
export async function getDocumentForViewer(
  context: DocumentsContext,
  viewer: Viewer,
  id: string,
): Promise<ViewerDocument> {
  if (!DOCUMENT_ID.test(id)) throw documentNotFound(id);

  const [document] = await queryOrFail(`load document ${id}`, () =>
    selectDocuments(context.db, and(eq(documents.id, id), visibleToViewer(viewer))).limit(1),
  );

  if (!document || !canSeeDocument(viewer, documentFacts(document))) {
    throw documentNotFound(id);
  }
  return document;
}
