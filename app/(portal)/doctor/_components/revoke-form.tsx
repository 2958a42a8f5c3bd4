"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";

import { revokeDocumentAction, type RevokeFormState } from "../actions";
import { cx } from "@/components/cx";
import { BUTTON_DANGER, BUTTON_SECONDARY, INPUT, LABEL } from "@/components/workspace/styles";

function ConfirmButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={BUTTON_DANGER}>
      {pending ? "Revoking…" : "Revoke document"}
    </button>
  );
}

/**
 * Renders a Revoke button that opens a confirmation dialog asking for the reason. The dialog
 * is an HTML popover, so it opens and closes without JavaScript; the action's error shows in it.
 */
export function RevokeForm({ documentId, title }: { documentId: string; title: string }) {
  const [state, formAction] = useActionState<RevokeFormState, FormData>(revokeDocumentAction, {
    error: null,
  });
  const dialogId = `revoke-${documentId}`;
  const reasonId = `${dialogId}-reason`;

  return (
    <>
      <button
        type="button"
        popoverTarget={dialogId}
        className={cx(
          "rounded-lg border border-rose-200 bg-white px-2.5 py-1 text-sm font-medium",
          "text-rose-700 shadow-sm hover:bg-rose-50",
        )}
      >
        Revoke<span className="sr-only"> {title}</span>
      </button>
      <div
        id={dialogId}
        popover="auto"
        role="dialog"
        aria-labelledby={`${dialogId}-heading`}
        className={cx(
          "m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-6",
          "text-left shadow-xl backdrop:bg-slate-900/40",
        )}
      >
        <form action={formAction} className="space-y-4">
          <input type="hidden" name="documentId" value={documentId} />
          <div>
            <h2 id={`${dialogId}-heading`} className="text-base font-semibold text-slate-900">
              Revoke “{title}”?
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              The patient can no longer open it, and no new link is created for it. This cannot be
              undone.
            </p>
          </div>
          {state.error ? (
            <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
              {state.error}
            </p>
          ) : null}
          <div>
            <label htmlFor={reasonId} className={LABEL}>
              Reason
            </label>
            <textarea
              id={reasonId}
              name="reason"
              required
              minLength={3}
              maxLength={500}
              rows={3}
              placeholder="For example: wrong dose, replaced by a new prescription"
              className={INPUT}
            />
          </div>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              popoverTarget={dialogId}
              popoverTargetAction="hide"
              className={BUTTON_SECONDARY}
            >
              Cancel
            </button>
            <ConfirmButton />
          </div>
        </form>
      </div>
    </>
  );
}
