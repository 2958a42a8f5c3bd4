import type { Phase } from "./upload-steps";
import { cx } from "@/components/cx";

const NOTICE = "rounded-lg border px-4 py-3 text-sm";

/** Renders the outcome of the last upload, or nothing while none has finished. */
export function PhaseMessage({ phase }: { phase: Phase }) {
  if (phase.kind === "succeeded") {
    return (
      <p role="status" className={cx(NOTICE, "border-emerald-200 bg-emerald-50 text-emerald-800")}>
        {phase.message}
      </p>
    );
  }
  if (phase.kind === "cancelled") {
    return (
      <p role="status" className={cx(NOTICE, "border-slate-200 bg-white text-slate-700")}>
        {phase.message}
      </p>
    );
  }
  if (phase.kind === "failed") {
    return (
      <p role="alert" className={cx(NOTICE, "border-rose-200 bg-rose-50 text-rose-800")}>
        {phase.message}
      </p>
    );
  }
  return null;
}
