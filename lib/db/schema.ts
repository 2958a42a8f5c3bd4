import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["patient", "doctor", "staff", "admin"]);

export const documentKindEnum = pgEnum("document_kind", [
  "prescription",
  "lab_report",
  "invoice",
  "doctor_note",
  "identity_document",
]);

/**
 * Lifecycle of a document. `pending_upload` rows belong to a presigned POST that has not
 * been confirmed yet and appear in no list. The states `pending_verification`, `verified`
 * and `rejected` apply to identity documents only.
 */
export const documentStatusEnum = pgEnum("document_status", [
  "active",
  "revoked",
  "pending_upload",
  "pending_verification",
  "verified",
  "rejected",
]);

export const appointmentStatusEnum = pgEnum("appointment_status", [
  "scheduled",
  "completed",
  "cancelled",
]);

export const verificationDecisionEnum = pgEnum("verification_decision", ["verified", "rejected"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const hospitals = pgTable("hospitals", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Set for staff only: the hospital whose identity documents they verify. */
    hospitalId: uuid("hospital_id").references(() => hospitals.id),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("users_email_key").on(sql`lower(${table.email})`)],
);

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id),
    hospitalId: uuid("hospital_id")
      .notNull()
      .references(() => hospitals.id),
    department: text("department").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    status: appointmentStatusEnum("status").notNull().default("scheduled"),
    createdAt: createdAt(),
  },
  (table) => [index("appointments_patient_idx").on(table.patientId)],
);

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => users.id),
    kind: documentKindEnum("kind").notNull(),
    title: text("title").notNull(),
    /** Opaque S3 object key (`documents/<uuid>`); never derived from user text. */
    objectKey: text("object_key").notNull(),
    /** File name offered to the browser through the object's Content-Disposition. */
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256"),
    authorId: uuid("author_id").references(() => users.id),
    hospitalId: uuid("hospital_id").references(() => hospitals.id),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    /** When the document was issued; the date shown to the patient. */
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    /** No link to the document is valid at or after this instant. */
    validUntil: timestamp("valid_until", { withTimezone: true }),
    status: documentStatusEnum("status").notNull().default("active"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("documents_object_key_key").on(table.objectKey),
    index("documents_patient_idx").on(table.patientId, table.kind, table.issuedAt),
    index("documents_author_idx").on(table.authorId),
  ],
);

/**
 * Further files of one document, such as the page images of a multi-file lab report.
 * Their object keys share the prefix `<document object key>/` so that one signed-cookie
 * policy can cover them all.
 */
export const documentFiles = pgTable(
  "document_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    objectKey: text("object_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("document_files_object_key_key").on(table.objectKey),
    uniqueIndex("document_files_position_key").on(table.documentId, table.position),
  ],
);

export const identityVerifications = pgTable(
  "identity_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    staffId: uuid("staff_id").references(() => users.id),
    decision: verificationDecisionEnum("decision"),
    reason: text("reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("identity_verifications_document_key").on(table.documentId)],
);

/**
 * Append-only log of security-relevant events. A trigger rejects UPDATE and DELETE, so
 * rows can only be added. Signed URLs and signatures are never stored here.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    documentId: uuid("document_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    clientIp: text("client_ip"),
  },
  (table) => [
    index("audit_events_occurred_idx").on(table.occurredAt),
    index("audit_events_document_idx").on(table.documentId),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Document = typeof documents.$inferSelect;
export type DocumentStatus = (typeof documentStatusEnum.enumValues)[number];
export type Hospital = typeof hospitals.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
