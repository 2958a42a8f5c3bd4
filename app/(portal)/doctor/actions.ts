"use server";

import { redirect } from "next/navigation";

import { parseIssueForm, readableIssueError, type IssueFormValues } from "./issue/issue-form-data";
import { actionErrorMessage } from "@/app/_lib/action-errors";
import { issuingContext } from "@/app/_lib/contexts";
import { currentRequestId } from "@/app/_lib/request-id";
import { requireRole } from "@/lib/auth/session";
import { issueDocument, revokeDocument } from "@/lib/issuing";

/** The issue form's state: the last error and the values to show again. */
export interface IssueFormState {
  error: string | null;
  values: IssueFormValues | null;
  /** Counts failed submissions, so the form remounts its fields with the returned values. */
  attempt: number;
}

/**
 * Issues a prescription or doctor note from the issue form and redirects to /doctor with a
 * notice. On failure it returns the data layer's message with the typed values.
 */
export async function issueDocumentAction(
  previous: IssueFormState,
  formData: FormData,
): Promise<IssueFormState> {
  const viewer = await requireRole("doctor", "/doctor/issue");

  const parsed = await parseIssueForm(formData);
  const failed = (error: string) => ({
    error,
    values: parsed.values,
    attempt: previous.attempt + 1,
  });
  if (!parsed.ok) return failed(parsed.error);

  let documentId: string;
  try {
    ({ documentId } = await issueDocument(await issuingContext(), viewer, parsed.request));
  } catch (error) {
    const ids = { requestId: await currentRequestId(), userId: viewer.id };
    return failed(readableIssueError(actionErrorMessage(error, ids)));
  }
  redirect(`/doctor?issued=${documentId}`);
}

export interface RevokeFormState {
  error: string | null;
}

/** Revokes one of the doctor's documents with a required reason, then returns to /doctor. */
export async function revokeDocumentAction(
  _previous: RevokeFormState,
  formData: FormData,
): Promise<RevokeFormState> {
  const viewer = await requireRole("doctor", "/doctor");

  const documentId = String(formData.get("documentId") ?? "");
  const reason = String(formData.get("reason") ?? "").trim();
  if (reason.length < 3) {
    return { error: "Give the reason for revoking, in a few words." };
  }

  try {
    await revokeDocument(await issuingContext(), viewer, documentId, reason);
  } catch (error) {
    const ids = { requestId: await currentRequestId(), userId: viewer.id, documentId };
    return { error: actionErrorMessage(error, ids) };
  }
  redirect(`/doctor?revoked=${documentId}`);
}
