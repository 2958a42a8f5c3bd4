import "server-only";

import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import type { VerificationsContext } from "./context";
import { canDecideVerification, type Viewer } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";
import { documents, identityVerifications } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const decisionRequest = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("verified"), reason: z.string().trim().max(500).default("") }),
  z.object({
    decision: z.literal("rejected"),
    reason: z.string().trim().min(3, "Give the patient a reason for the rejection.").max(500),
  }),
]);

export type DecisionRequest = z.input<typeof decisionRequest>;

/**
 * Records a staff member's decision on an identity document pending at their hospital.
 * Once decided, the document leaves every staff queue and no staff link is minted for it.
 */
export async function decideVerification(
  context: VerificationsContext,
  viewer: Viewer,
  documentId: string,
  request: DecisionRequest,
): Promise<void> {
  const parsed = decisionRequest.safeParse(request);
  if (!parsed.success) {
    throw new AppError("invalid_input", parsed.error.issues[0]?.message ?? "Invalid decision.");
  }
  const { decision, reason } = parsed.data;
  const notFound = new AppError("not_found", "That identity document is not in your queue.");
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw notFound;

  await context.db.transaction(async (tx) => {
    const [document] = await tx
      .select()
      .from(documents)
      .where(eq(documents.id, documentId))
      .for("update");
    if (!document || !canDecideVerification(viewer, document)) throw notFound;

    const decided = await tx
      .update(identityVerifications)
      .set({ decision, reason: reason || null, staffId: viewer.id, decidedAt: context.now() })
      .where(
        and(
          eq(identityVerifications.documentId, document.id),
          isNull(identityVerifications.decision),
        ),
      )
      .returning({ id: identityVerifications.id });
    if (decided.length === 0) throw notFound;

    await tx.update(documents).set({ status: decision }).where(eq(documents.id, document.id));
    await recordAuditEvents(tx, [
      {
        actorId: viewer.id,
        actorRole: viewer.role,
        action: "verification.decided",
        documentId: document.id,
        detail: { decision, reason: reason || null },
        clientIp: context.clientIp,
      },
    ]);
  });
}
