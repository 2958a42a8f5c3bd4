import { randomUUID } from "node:crypto";

import { asc, eq } from "drizzle-orm";

import type { DocumentKind, DocumentStatus, Role } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import {
  auditEvents,
  documentFiles,
  documents,
  hospitals,
  users,
  type AuditEvent,
  type Document,
  type Hospital,
  type User,
} from "@/lib/db/schema";

/** A placeholder for accounts whose password a test never checks; it matches no password. */
const UNUSABLE_PASSWORD_HASH = "unusable";

export async function insertHospital(db: Drizzle, name = "RS Test Hospital"): Promise<Hospital> {
  const [hospital] = await db.insert(hospitals).values({ name, city: "Jakarta" }).returning();
  if (!hospital) throw new Error(`Inserting hospital ${name} returned no row`);
  return hospital;
}

export interface UserFixture {
  role: Role;
  name?: string;
  email?: string;
  passwordHash?: string;
  hospitalId?: string | null;
}

/** Inserts a user with a unique email unless one is given. */
export async function insertUser(db: Drizzle, fixture: UserFixture): Promise<User> {
  const id = randomUUID();
  const [user] = await db
    .insert(users)
    .values({
      id,
      role: fixture.role,
      name: fixture.name ?? `Test ${fixture.role} ${id.slice(0, 8)}`,
      email: fixture.email ?? `${fixture.role}-${id}@example.test`,
      passwordHash: fixture.passwordHash ?? UNUSABLE_PASSWORD_HASH,
      hospitalId: fixture.hospitalId ?? null,
    })
    .returning();
  if (!user) throw new Error(`Inserting user ${id} returned no row`);
  return user;
}

export interface DocumentFixture {
  patientId: string;
  kind?: DocumentKind;
  title?: string;
  status?: DocumentStatus;
  authorId?: string | null;
  hospitalId?: string | null;
  issuedAt?: Date;
  validUntil?: Date | null;
}

/** Inserts a document row with a fresh object key; no object is stored in S3. */
export async function insertDocument(db: Drizzle, fixture: DocumentFixture): Promise<Document> {
  const id = randomUUID();
  const [document] = await db
    .insert(documents)
    .values({
      id,
      patientId: fixture.patientId,
      kind: fixture.kind ?? "lab_report",
      title: fixture.title ?? `Document ${id.slice(0, 8)}`,
      objectKey: `documents/${id}`,
      fileName: `document-${id.slice(0, 8)}.pdf`,
      contentType: "application/pdf",
      sizeBytes: 1024,
      authorId: fixture.authorId ?? null,
      hospitalId: fixture.hospitalId ?? null,
      issuedAt: fixture.issuedAt ?? new Date("2026-11-01T08:00:00Z"),
      validUntil: fixture.validUntil ?? null,
      status: fixture.status ?? "active",
    })
    .returning();
  if (!document) throw new Error(`Inserting document ${id} returned no row`);
  return document;
}

/**
 * Inserts one further file of a document, by default the PNG image at `position` under the
 * document's `<object key>/images/` prefix. No object is stored in S3.
 */
export async function insertDocumentFile(
  db: Drizzle,
  document: Pick<Document, "id" | "objectKey">,
  position: number,
  objectKey = `${document.objectKey}/images/${position + 1}`,
): Promise<typeof documentFiles.$inferSelect> {
  const [file] = await db
    .insert(documentFiles)
    .values({
      documentId: document.id,
      position,
      objectKey,
      fileName: `image-${position + 1}.png`,
      contentType: "image/png",
      sizeBytes: 2048,
    })
    .returning();
  if (!file) throw new Error(`Inserting file ${objectKey} returned no row`);
  return file;
}

/** Lists the audit events an actor caused, oldest first. */
export async function auditEventsBy(db: Drizzle, actorId: string): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.actorId, actorId))
    .orderBy(asc(auditEvents.id));
}
