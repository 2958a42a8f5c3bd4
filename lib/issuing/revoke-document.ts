import "server-only";

import { and, eq } from "drizzle-orm";

import type { IssuingContext } from "./context";
import { canRevokeDocument, type Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { documents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Revokes a document its author issued. No link is minted for it afterwards; links already
 * handed out keep working until their TTL ends, because CloudFront has no per-URL
 * revocation. Another doctor's document, or an unknown id, is not found.
 */
export async function revokeDocument(
  context: IssuingContext,
  viewer: Viewer,
  documentId: string,
  reason: string,
): Promise<void> {
  const notFound = new AppError("not_found", "That document was not found.");
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw notFound;
  const trimmedReason = reason.trim().slice(0, 500);

  await context.db.transaction(async (tx) => {
    const [document] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.authorId, viewer.id)))
      .for("update");
    if (!document || viewer.role !== "doctor") throw notFound;
    if (document.status === "revoked") {
      throw new AppError("conflict", "This document is already revoked.");
    }
    if (!canRevokeDocument(viewer, document)) throw notFound;

    await tx
      .update(documents)
      .set({ status: "revoked", revokedAt: context.now() })
      .where(eq(documents.id, document.id));
    await recordAuditEvents(tx, [
      {
        actorId: viewer.id,
        actorRole: viewer.role,
        action: "document.revoked",
        documentId: document.id,
        detail: { kind: document.kind, reason: trimmedReason || null },
        clientIp: context.clientIp,
      },
    ]);
  });
}
