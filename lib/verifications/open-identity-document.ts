import "server-only";

import { and, eq } from "drizzle-orm";

import type { VerificationsContext } from "./context";
import { canOpenDocument, type Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { documents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Mints a staff member's link (about a minute, custom policy, IP-bound when configured) to
 * an identity document pending verification at their hospital, and records it in the audit
 * log. Decided documents, other hospitals' documents and unknown ids are all not found.
 */
export async function openIdentityDocument(
  context: VerificationsContext,
  viewer: Viewer,
  documentId: string,
): Promise<{ url: string; expiresAt: Date; contentType: string; fileName: string }> {
  const notFound = new AppError("not_found", "That identity document is not in your queue.");
  if (!/^[0-9a-f-]{36}$/i.test(documentId) || viewer.role !== "staff" || !viewer.hospitalId) {
    throw notFound;
  }
  const [document] = await context.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.id, documentId),
        eq(documents.kind, "identity_document"),
        eq(documents.hospitalId, viewer.hospitalId),
      ),
    );
  const now = context.now();
  if (!document || !canOpenDocument(viewer, document, now)) throw notFound;

  const clientIp = context.bindToClientIp ? (context.clientIp ?? undefined) : undefined;
  if (context.bindToClientIp && clientIp === undefined) {
    throw new AppError(
      "forbidden",
      "Your network address is unknown, so no link can be bound to it.",
    );
  }
  const link = context.signLink({ objectKey: document.objectKey, clientIp, now });
  await recordAuditEvents(context.db, [
    {
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "link.minted",
      documentId: document.id,
      detail: {
        expiresAt: link.expiresAt.toISOString(),
        policyType: link.policyType,
        keyPairId: link.keyPairId,
        ipBound: clientIp !== undefined,
      },
      clientIp: context.clientIp,
    },
  ]);
  return {
    url: link.url,
    expiresAt: link.expiresAt,
    contentType: document.contentType,
    fileName: document.fileName,
  };
}
