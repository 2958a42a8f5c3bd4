"use client";

import { useId, useRef, useState, type FormEvent } from "react";

import { IdentityTypeFields } from "./identity-type-fields";
import { PhaseMessage } from "./phase-message";
import { uploadIdentityDocument, type Phase } from "./upload-steps";
import { UploadProgress } from "./upload-progress";
import { cx } from "@/components/cx";
import { checkChosenFile } from "@/lib/uploads/messages";

const NO_CONNECTION_MESSAGE =
  "We could not reach Berkas, so nothing was uploaded. Check your internet connection and try again.";

const ACCEPT = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf";

/**
 * Renders the identity document upload of one appointment. The file goes straight from the
 * browser to S3 through a presigned POST, so the app never streams it. The steps are: start
 * (server action), POST with progress, then confirm (server action that checks the bytes).
 */
export function IdentityUpload({
  appointmentId,
  hospitalName,
  collapsed,
  heading,
}: {
  appointmentId: string;
  hospitalName: string;
  /** Whether the form starts folded away because a document is already awaiting a decision. */
  collapsed: boolean;
  /** Heading of the unfolded form. */
  heading: string;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [fileError, setFileError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fileId = useId();
  const hintId = useId();
  const errorId = useId();
  const busy =
    phase.kind === "preparing" || phase.kind === "uploading" || phase.kind === "checking";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const identityType = data.get("identityType") === "passport" ? "passport" : "ktp";
    if (!(file instanceof File) || file.name === "") {
      setFileError("Choose a photo or scan of your document first.");
      return;
    }
    const problem = checkChosenFile(file);
    setFileError(problem);
    if (problem) return;

    const controller = new AbortController();
    abortRef.current = controller;
    try {
      const request = { appointmentId, hospitalName, identityType, file, controller } as const;
      const finished = await uploadIdentityDocument(request, setPhase);
      if (finished.kind === "succeeded") formRef.current?.reset();
      setPhase(finished);
    } catch {
      setPhase({ kind: "failed", message: NO_CONNECTION_MESSAGE });
    } finally {
      abortRef.current = null;
    }
  }

  function handleFileChange(input: HTMLInputElement) {
    const file = input.files?.[0];
    setFileError(file ? checkChosenFile(file) : null);
    if (!busy) setPhase({ kind: "idle" });
  }

  const form = (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-4">
      <IdentityTypeFields disabled={busy} />
      <div>
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-700">
          Photo or scan
        </label>
        <input
          id={fileId}
          name="file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby={fileError ? `${errorId} ${hintId}` : hintId}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => handleFileChange(event.currentTarget)}
          className={cx(
            "mt-1 block w-full rounded-lg border border-slate-300 bg-white text-sm text-slate-700",
            "file:mr-3 file:border-0 file:border-r file:border-slate-200 file:bg-slate-100",
            "file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-700",
            "hover:file:bg-slate-200 aria-invalid:border-rose-400",
          )}
        />
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          JPEG, PNG or PDF, up to 10 MB. Make sure every corner and all text are readable.
        </p>
        {fileError ? (
          <p id={errorId} role="alert" className="mt-2 text-sm text-rose-700">
            {fileError}
          </p>
        ) : null}
      </div>
      {phase.kind === "uploading" ? (
        <UploadProgress
          fileName={phase.fileName}
          percent={phase.percent}
          onCancel={() => abortRef.current?.abort()}
        />
      ) : (
        <button
          type="submit"
          disabled={busy}
          className={cx(
            "inline-flex items-center gap-1.5 rounded-lg bg-brand-600 px-4 py-2 text-sm",
            "font-semibold text-white shadow-sm hover:bg-brand-700",
            "disabled:cursor-wait disabled:opacity-70",
          )}
        >
          {phase.kind === "preparing"
            ? "Preparing…"
            : phase.kind === "checking"
              ? `Checking "${phase.fileName}"…`
              : "Upload"}
        </button>
      )}
    </form>
  );

  return (
    <div className="space-y-3">
      <PhaseMessage phase={phase} />
      {collapsed ? (
        <details className="group rounded-lg border border-slate-200 bg-white">
          <summary
            className={cx(
              "flex cursor-pointer list-none items-center gap-2 px-4 py-2.5",
              "text-sm font-medium text-brand-700 hover:text-brand-800",
              "[&::-webkit-details-marker]:hidden",
            )}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="size-4 transition-transform group-open:rotate-90"
            >
              <path d="M7.5 5l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>
            Upload a different document
          </summary>
          <div className="border-t border-slate-100 px-4 py-4">{form}</div>
        </details>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">{heading}</h3>
          {form}
        </div>
      )}
    </div>
  );
}
