import "server-only";

import { and, eq } from "drizzle-orm";

import { stagingKeyOf, type UploadsContext } from "./context";
import type { Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { documents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { removeObject } from "@/lib/storage";

/**
 * Deletes the viewer's own unconfirmed upload at once, with whatever the browser managed to
 * store, after the browser aborted or failed the presigned POST. Throws AppError("not_found")
 * for another patient's upload, one already confirmed or rejected, or an unknown id.
 *
 * The presigned POST stays usable until it expires, so a browser may still store the object
 * after this call. `cleanUpUploads` removes such an object once it is older than the cutoff.
 */
export async function cancelIdentityUpload(
  context: UploadsContext,
  viewer: Viewer,
  documentId: string,
): Promise<void> {
  const notFound = new AppError("not_found", "That upload was not found.");
  if (viewer.role !== "patient" || !/^[0-9a-f-]{36}$/i.test(documentId)) throw notFound;

  const deleted = await context.db.transaction(async (tx) => {
    const rows = await tx
      .delete(documents)
      .where(
        and(
          eq(documents.id, documentId),
          eq(documents.patientId, viewer.id),
          eq(documents.status, "pending_upload"),
        ),
      )
      .returning({ id: documents.id });
    if (rows.length === 0) return false;
    await recordAuditEvents(tx, [
      {
        actorId: viewer.id,
        actorRole: viewer.role,
        action: "upload.cancelled",
        documentId,
        clientIp: context.clientIp,
      },
    ]);
    return true;
  });
  if (!deleted) throw notFound;

  try {
    await removeObject(context.storage.client, context.storage.bucket, stagingKeyOf(documentId));
  } catch (error) {
    // The row is gone, so the cleanup job treats the object as orphaned and removes it later.
    context.log.warn({ err: error, documentId }, "deleting a cancelled upload's object failed");
  }
  context.log.info({ documentId, userId: viewer.id }, "upload cancelled");
}
