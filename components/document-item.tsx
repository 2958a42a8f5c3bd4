import { cx } from "./cx";
import { formatClock, formatDate, formatFileSize, formatMinutesUntil } from "./format";
import type { NoLinkReason, PatientDocument } from "@/lib/documents/types";

const NO_LINK_TEXT: Record<NoLinkReason, string> = {
  expired: "Expired. It can no longer be opened.",
  revoked: "Revoked by its author. It can no longer be opened.",
  rejected: "Rejected at verification. It can no longer be opened.",
  unavailable: "Cannot be opened right now.",
};

const STATUS_BADGES: Partial<Record<PatientDocument["status"], { label: string; tone: string }>> = {
  revoked: { label: "Revoked", tone: "bg-rose-50 text-rose-700 ring-rose-200" },
  pending_verification: {
    label: "Awaiting verification",
    tone: "bg-amber-50 text-amber-800 ring-amber-200",
  },
  verified: { label: "Verified", tone: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
  rejected: { label: "Rejected", tone: "bg-rose-50 text-rose-700 ring-rose-200" },
};

function Badge({ label, tone }: { label: string; tone: string }) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full px-2 py-0.5",
        "text-xs font-medium ring-1 ring-inset",
        tone,
      )}
    >
      {label}
    </span>
  );
}

function badgeFor(document: PatientDocument) {
  if (document.noLinkReason === "expired") {
    return { label: "Expired", tone: "bg-slate-100 text-slate-600 ring-slate-200" };
  }
  return STATUS_BADGES[document.status];
}

/**
 * Renders one document with its signed link. Keep this a server component, so that the URL
 * is rendered into HTML here and never passed to client code.
 */
export function DocumentItem({ document, now }: { document: PatientDocument; now: Date }) {
  const badge = badgeFor(document);
  const source = [document.authorName, document.hospitalName].filter(Boolean).join(" · ");

  return (
    <li className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-medium text-slate-900">
            {document.link ? (
              // The stable address mints a fresh link on every visit, so it can be bookmarked.
              <a
                href={`/documents/${document.id}`}
                target="_blank"
                rel="noopener noreferrer"
                className="rounded-sm hover:text-brand-700 hover:underline"
              >
                {document.title}
              </a>
            ) : (
              document.title
            )}
          </h3>
          {badge ? <Badge {...badge} /> : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Issued{" "}
          <time dateTime={document.issuedAt.toISOString()}>{formatDate(document.issuedAt)}</time>
          {source ? ` · ${source}` : null}
          {document.validUntil ? (
            <>
              {" · "}Valid until{" "}
              <time dateTime={document.validUntil.toISOString()}>
                {formatDate(document.validUntil)}
              </time>
            </>
          ) : null}
        </p>
      </div>
      <div className="shrink-0 sm:text-right">
        {document.link ? (
          <>
            {document.fileCount > 0 ? (
              // Not next/link, which would prefetch the route, and the route mints cookies per GET.
              <a
                href={`/documents/${document.id}/images/open`}
                className={cx(
                  "mr-2 inline-flex items-center rounded-lg border border-slate-300 bg-white",
                  "px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50",
                )}
              >
                {document.fileCount === 1 ? "View 1 image" : `View ${document.fileCount} images`}
              </a>
            ) : null}
            <a
              href={document.link.url}
              target="_blank"
              rel="noopener noreferrer"
              className={cx(
                "inline-flex items-center gap-1.5 rounded-lg bg-brand-600 px-3 py-1.5",
                "text-sm font-medium text-white shadow-sm hover:bg-brand-700",
              )}
            >
              Open<span className="sr-only"> {document.title} (opens in a new tab)</span>
              <span aria-hidden="true" className="text-xs text-white/80">
                {formatFileSize(document.sizeBytes)}
              </span>
            </a>
            <p className="mt-1.5 text-xs text-slate-500">
              Link expires at{" "}
              <time dateTime={document.link.expiresAt.toISOString()}>
                {formatClock(document.link.expiresAt)}
              </time>{" "}
              ({formatMinutesUntil(document.link.expiresAt, now)})
            </p>
          </>
        ) : (
          <p className="text-sm text-slate-500">
            {NO_LINK_TEXT[document.noLinkReason ?? "unavailable"]}
          </p>
        )}
      </div>
    </li>
  );
}
