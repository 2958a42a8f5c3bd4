"use client";

import { cx } from "../cx";

/**
 * Renders the fallback of a workspace page that failed to load, e.g. with the database down,
 * so that an empty list is never shown in its place. `retry` renders the segment again.
 */
export function WorkspaceError({
  error,
  retry,
  what,
}: {
  error: unknown;
  retry: () => void;
  what: string;
}) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;

  return (
    <div role="alert" className="rounded-xl border border-amber-200 bg-amber-50 px-6 py-8">
      <h1 className="text-lg font-semibold text-amber-900">We can&apos;t load {what} right now</h1>
      <p className="mt-2 text-sm text-amber-900/80">
        Part of the portal is not responding. Please try again in a minute.
      </p>
      {digest ? <p className="mt-2 text-xs text-amber-900/60">Reference: {digest}</p> : null}
      <button
        type="button"
        onClick={() => retry()}
        className={cx(
          "mt-5 rounded-lg bg-amber-900 px-3 py-1.5 text-sm font-medium text-white",
          "shadow-sm hover:bg-amber-800",
        )}
      >
        Try again
      </button>
    </div>
  );
}
