import "server-only";

import { and, eq, inArray, lt } from "drizzle-orm";

import { STAGING_PREFIX, stagingKeyOf, type UploadsContext } from "./context";
import { recordAuditEvents } from "@/lib/audit";
import { documents } from "@/lib/db/schema";
import { listObjects, removeObject } from "@/lib/storage";

export interface CleanupResult {
  expiredUploads: number;
  deletedObjects: number;
}

/**
 * Removes what abandoned or failed uploads left behind: `pending_upload` rows older than
 * `maxAgeSeconds` (with their staged objects), and staged objects of that age whose upload
 * is no longer pending. Safe to run from several app instances at once.
 */
export async function cleanUpUploads(
  context: UploadsContext,
  maxAgeSeconds: number,
): Promise<CleanupResult> {
  const cutoff = new Date(context.now().getTime() - maxAgeSeconds * 1000);
  const { client, bucket } = context.storage;

  const expired = await context.db
    .delete(documents)
    .where(and(eq(documents.status, "pending_upload"), lt(documents.createdAt, cutoff)))
    .returning({ id: documents.id });
  if (expired.length > 0) {
    await recordAuditEvents(
      context.db,
      expired.map((row) => ({
        actorId: null,
        actorRole: "system",
        action: "upload.expired" as const,
        documentId: row.id,
        detail: { maxAgeSeconds },
        clientIp: null,
      })),
    );
  }

  const expiredKeys = new Set(expired.map((row) => stagingKeyOf(row.id)));
  const staged = await listObjects(client, bucket, STAGING_PREFIX);
  const stale = staged.filter((object) => object.lastModified < cutoff);
  const pendingIds = await stillPending(
    context,
    stale.map((object) => object.key.slice(STAGING_PREFIX.length)),
  );
  let deletedObjects = 0;
  for (const object of staged) {
    const isStale = object.lastModified < cutoff;
    const orphaned = isStale && !pendingIds.has(object.key.slice(STAGING_PREFIX.length));
    if (!expiredKeys.has(object.key) && !orphaned) continue;
    await removeObject(client, bucket, object.key);
    deletedObjects += 1;
  }

  if (expired.length > 0 || deletedObjects > 0) {
    context.log.info({ expiredUploads: expired.length, deletedObjects }, "upload cleanup");
  }
  return { expiredUploads: expired.length, deletedObjects };
}

async function stillPending(context: UploadsContext, ids: string[]): Promise<Set<string>> {
  const candidates = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (candidates.length === 0) return new Set();
  const rows = await context.db
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.id, candidates), eq(documents.status, "pending_upload")));
  return new Set(rows.map((row) => row.id));
}
