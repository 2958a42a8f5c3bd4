import "server-only";

import { and, desc, eq, exists } from "drizzle-orm";

import { queryOrFail } from "./errors";
import { imagesCookiePathOf } from "./image-paths";
import type { DocumentsContext } from "./types";
import { visibleToViewer } from "./visibility";
import type { Viewer } from "@/lib/access";
import { documentFiles, documents } from "@/lib/db/schema";

/**
 * Lists the cookie Path of every document of the patient that has further files, newest
 * issued first. Revoked and expired documents are included, because cookies minted before
 * that may still be in the browser. Returns an empty list for other roles, which get no
 * image cookies.
 */
export async function listImageCookiePaths(
  context: DocumentsContext,
  viewer: Viewer,
): Promise<string[]> {
  if (viewer.role !== "patient") return [];

  const hasFiles = exists(
    context.db
      .select({ id: documentFiles.id })
      .from(documentFiles)
      .where(eq(documentFiles.documentId, documents.id)),
  );
  const rows = await queryOrFail(`list the image documents of patient ${viewer.id}`, () =>
    context.db
      .select({ objectKey: documents.objectKey })
      .from(documents)
      .where(and(visibleToViewer(viewer), hasFiles))
      .orderBy(desc(documents.issuedAt), documents.id),
  );

  return rows.map((row) => imagesCookiePathOf(row.objectKey));
}
