import type { ReactNode } from "react";

import { cx } from "../cx";

/** Renders a page's title, its one-line purpose and an optional action on the right. */
export function PageHeading({
  title,
  description,
  action,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? (
          <p className="mt-2 max-w-2xl text-sm text-slate-600">{description}</p>
        ) : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

const NOTICE_TONES = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  error: "border-rose-200 bg-rose-50 text-rose-800",
} as const;

/**
 * Renders a confirmation (`role="status"`) or an error (`role="alert"`) above a list or a
 * form. Assistive technology announces either when it appears.
 */
export function Notice({
  tone,
  children,
}: {
  tone: keyof typeof NOTICE_TONES;
  children: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx("rounded-lg border px-4 py-3 text-sm", NOTICE_TONES[tone])}
    >
      {children}
    </div>
  );
}

export const BADGE_TONES = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  grey: "bg-slate-100 text-slate-600 ring-slate-200",
  red: "bg-rose-50 text-rose-700 ring-rose-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  teal: "bg-brand-50 text-brand-800 ring-brand-100",
} as const;

/** Renders a small rounded label such as a document's state. */
export function Badge({ tone, children }: { tone: keyof typeof BADGE_TONES; children: ReactNode }) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full px-2 py-0.5 whitespace-nowrap",
        "text-xs font-medium ring-1 ring-inset",
        BADGE_TONES[tone],
      )}
    >
      {children}
    </span>
  );
}

/** Renders the empty state of a list: what is missing and, optionally, what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-6 py-12 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}
