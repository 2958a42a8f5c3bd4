"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";

import { decideVerificationAction, type DecisionFormState } from "../actions";
import { cx } from "@/components/cx";
import {
  BUTTON_DANGER,
  BUTTON_SUCCESS,
  CARD,
  HINT,
  INPUT,
  LABEL,
} from "@/components/workspace/styles";

function SubmitButton({
  label,
  busy,
  className,
}: {
  label: string;
  busy: string;
  className: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? busy : label}
    </button>
  );
}

const INITIAL: DecisionFormState = { error: null, reason: "" };

/**
 * Renders the two decisions on an identity document: Verify, and Reject with a required
 * reason, which is shown to the patient. Each is its own form, so the reason never blocks a
 * Verify.
 */
export function DecisionForms({ documentId }: { documentId: string }) {
  const [verifyState, verifyAction] = useActionState(decideVerificationAction, INITIAL);
  const [rejectState, rejectAction] = useActionState(decideVerificationAction, INITIAL);
  const error = verifyState.error ?? rejectState.error;

  return (
    <section aria-labelledby="decision-heading" className={cx(CARD, "space-y-5 p-5")}>
      <div>
        <h2 id="decision-heading" className="text-base font-semibold text-slate-900">
          Decision
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Check that the name and photo match the patient and that the document is valid.
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      ) : null}
      <form action={verifyAction}>
        <input type="hidden" name="documentId" value={documentId} />
        <input type="hidden" name="decision" value="verified" />
        <SubmitButton
          label="Verify identity"
          busy="Recording…"
          className={cx(BUTTON_SUCCESS, "w-full")}
        />
      </form>
      <form action={rejectAction} className="space-y-3 border-t border-slate-100 pt-5">
        <input type="hidden" name="documentId" value={documentId} />
        <input type="hidden" name="decision" value="rejected" />
        <div>
          <label htmlFor="reason" className={LABEL}>
            Reason for rejecting
          </label>
          <textarea
            id="reason"
            name="reason"
            required
            minLength={3}
            maxLength={500}
            rows={3}
            defaultValue={rejectState.reason}
            placeholder="For example: the photo is too blurred to read the NIK"
            className={INPUT}
          />
          <p className={HINT}>The patient is shown this reason with their appointment.</p>
        </div>
        <SubmitButton label="Reject" busy="Recording…" className={cx(BUTTON_DANGER, "w-full")} />
      </form>
    </section>
  );
}
