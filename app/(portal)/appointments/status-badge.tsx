import { cx } from "@/components/cx";
import type { UpcomingAppointment } from "@/lib/uploads";

type Status = UpcomingAppointment["identityStatus"];

const BADGES: Record<Status, { label: string; tone: string }> = {
  none: { label: "No identity document", tone: "bg-slate-100 text-slate-600 ring-slate-200" },
  pending_verification: {
    label: "Awaiting verification",
    tone: "bg-amber-50 text-amber-800 ring-amber-200",
  },
  verified: { label: "Verified", tone: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
  rejected: { label: "Rejected", tone: "bg-rose-50 text-rose-700 ring-rose-200" },
};

/** Renders an identity document status as a small coloured label. */
export function StatusBadge({ status }: { status: Status }) {
  const { label, tone } = BADGES[status];
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full px-2 py-0.5 whitespace-nowrap",
        "text-xs font-medium ring-1 ring-inset",
        tone,
      )}
    >
      {label}
    </span>
  );
}
