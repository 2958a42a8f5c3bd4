import "server-only";

import { sanitizeDetail, type AuditEventInput } from "./actions";
import type { Drizzle } from "@/lib/db/connect";
import { auditEvents } from "@/lib/db/schema";

type Executor = Pick<Drizzle, "insert">;

/**
 * Appends events to the audit log in one statement. Pass a transaction as `db` to make the
 * events part of the change they describe, so neither is written without the other.
 */
export async function recordAuditEvents(
  db: Executor,
  events: readonly AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditEvents).values(
    events.map((event) => ({
      actorId: event.actorId,
      actorRole: event.actorRole,
      action: event.action,
      documentId: event.documentId,
      detail: sanitizeDetail(event.detail),
      clientIp: event.clientIp,
    })),
  );
}
