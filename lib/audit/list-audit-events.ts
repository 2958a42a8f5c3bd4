import "server-only";

import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";

import type { AuditAction } from "./actions";
import { canReadAuditLog, type Viewer } from "@/lib/access";
import type { Drizzle } from "@/lib/db/connect";
import { auditEvents, users, type AuditEvent } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export interface AuditFilter {
  action?: AuditAction;
  actorId?: string;
  documentId?: string;
  /** Inclusive lower bound of the event time. */
  from?: Date;
  /** Exclusive upper bound of the event time. */
  to?: Date;
  /** Events with an id below this one, for paging backwards in time. */
  beforeId?: number;
  limit?: number;
}

export type AuditRow = AuditEvent & { actorName: string | null; actorEmail: string | null };

const MAX_PAGE = 200;

/** Lists audit events newest first for an admin; throws AppError("forbidden") for others. */
export async function listAuditEvents(
  db: Drizzle,
  viewer: Viewer,
  filter: AuditFilter,
): Promise<AuditRow[]> {
  if (!canReadAuditLog(viewer)) {
    throw new AppError("forbidden", "Only administrators can read the audit log.");
  }

  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.documentId) conditions.push(eq(auditEvents.documentId, filter.documentId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, filter.to));
  if (filter.beforeId) conditions.push(lt(auditEvents.id, filter.beforeId));

  const rows = await db
    .select({ event: auditEvents, actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(Math.min(filter.limit ?? 50, MAX_PAGE));
  return rows.map((row) => ({
    ...row.event,
    actorName: row.actorName,
    actorEmail: row.actorEmail,
  }));
}
