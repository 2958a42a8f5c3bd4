"use client";

import { useId } from "react";

import { cx } from "@/components/cx";

/** Renders the progress of a running upload with its percentage and a cancel button. */
export function UploadProgress({
  fileName,
  percent,
  onCancel,
}: {
  fileName: string;
  percent: number;
  onCancel: () => void;
}) {
  const progressId = useId();

  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <label htmlFor={progressId} className="min-w-0 truncate text-slate-700">
          Uploading &quot;{fileName}&quot;
        </label>
        <span className="shrink-0 font-medium text-slate-900 tabular-nums">{percent}%</span>
      </div>
      <progress
        id={progressId}
        max={100}
        value={percent}
        aria-valuetext={`${percent}%`}
        className={cx(
          "block h-2 w-full overflow-hidden rounded-full bg-slate-200",
          "[&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600",
          "[&::-moz-progress-bar]:bg-brand-600",
        )}
      />
      <button
        type="button"
        onClick={onCancel}
        className={cx(
          "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium",
          "text-slate-700 shadow-sm hover:bg-slate-50",
        )}
      >
        Cancel upload
      </button>
    </div>
  );
}
