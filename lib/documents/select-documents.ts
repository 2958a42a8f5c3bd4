import { eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import type { ViewerDocument } from "./types";
import type { DocumentFacts } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { documentFiles, documents, hospitals, users } from "@/lib/db/schema";

const authors = alias(users, "author");

// A correlated subquery keeps one row per document, which a join with GROUP BY would only
// give by grouping on every selected column.
const fileCount = sql<number>`(
  select count(*) from ${documentFiles} where ${documentFiles.documentId} = ${documents.id}
)`
  .mapWith(Number)
  .as("file_count");

/**
 * Selects documents matching `where` with their author's and hospital's names and the number
 * of their further files.
 */
export function selectDocuments(db: Drizzle, where: SQL | undefined) {
  return db
    .select({
      id: documents.id,
      patientId: documents.patientId,
      kind: documents.kind,
      title: documents.title,
      objectKey: documents.objectKey,
      fileName: documents.fileName,
      contentType: documents.contentType,
      sizeBytes: documents.sizeBytes,
      authorId: documents.authorId,
      authorName: authors.name,
      hospitalId: documents.hospitalId,
      hospitalName: hospitals.name,
      issuedAt: documents.issuedAt,
      validUntil: documents.validUntil,
      status: documents.status,
      fileCount,
    } satisfies Record<keyof ViewerDocument, unknown>)
    .from(documents)
    .leftJoin(authors, eq(authors.id, documents.authorId))
    .leftJoin(hospitals, eq(hospitals.id, documents.hospitalId))
    .where(where);
}

/** Extracts the facts that access rules read from a document row. */
export function documentFacts(document: ViewerDocument): DocumentFacts {
  return {
    patientId: document.patientId,
    authorId: document.authorId,
    kind: document.kind,
    status: document.status,
    hospitalId: document.hospitalId,
    validUntil: document.validUntil,
  };
}
