"use server";

import { redirect } from "next/navigation";

import { actionErrorMessage } from "@/app/_lib/action-errors";
import { verificationsContext } from "@/app/_lib/contexts";
import { currentRequestId } from "@/app/_lib/request-id";
import { requireRole } from "@/lib/auth/session";
import { decideVerification, type DecisionRequest } from "@/lib/verifications";

export interface DecisionFormState {
  error: string | null;
  /** The reason as typed, shown again after an error. */
  reason: string;
}

/**
 * Records the staff member's decision (`decision` is "verified" or "rejected", with a reason
 * for a rejection) and returns to the queue with a notice. An error comes back to the form.
 */
export async function decideVerificationAction(
  _previous: DecisionFormState,
  formData: FormData,
): Promise<DecisionFormState> {
  const documentId = String(formData.get("documentId") ?? "");
  const viewer = await requireRole("staff", `/staff/review/${encodeURIComponent(documentId)}`);

  const reason = String(formData.get("reason") ?? "");
  const request: DecisionRequest =
    formData.get("decision") === "rejected"
      ? { decision: "rejected", reason }
      : { decision: "verified", reason };

  try {
    await decideVerification(await verificationsContext(), viewer, documentId, request);
  } catch (error) {
    const ids = { requestId: await currentRequestId(), userId: viewer.id, documentId };
    return { error: actionErrorMessage(error, ids), reason };
  }
  redirect(`/staff?decided=${request.decision}`);
}
