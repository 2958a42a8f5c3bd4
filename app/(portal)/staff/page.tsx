import type { Metadata } from "next";
import Link from "next/link";

import { openDatabase } from "@/app/_lib/contexts";
import { failPage } from "@/app/_lib/errors";
import { currentRequestId } from "@/app/_lib/request-id";
import { cx } from "@/components/cx";
import { formatFileSize } from "@/components/format";
import { formatWibDate, formatWibDateTime } from "@/components/wib-time";
import { BUTTON_PRIMARY, CARD, TD } from "@/components/workspace/styles";
import { TableHead } from "@/components/workspace/table-head";
import { EmptyState, Notice, PageHeading } from "@/components/workspace/ui";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";
import { listPendingVerifications, type PendingVerification } from "@/lib/verifications";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Verification queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DECIDED_NOTICES: Record<string, string> = {
  verified: "The identity document was verified and has left the queue.",
  rejected: "The identity document was rejected and has left the queue. The patient sees why.",
};

async function loadQueue(viewer: SignedInViewer): Promise<PendingVerification[]> {
  try {
    return await listPendingVerifications(await openDatabase(), viewer);
  } catch (error) {
    failPage(error, { requestId: await currentRequestId(), userId: viewer.id });
  }
}

function QueueRow({ item }: { item: PendingVerification }) {
  return (
    <tr>
      <td className={cx(TD, "font-medium whitespace-nowrap text-slate-900")}>{item.patientName}</td>
      <td className={TD}>
        <p className="text-slate-900">{item.title}</p>
        <p className="mt-0.5 text-xs text-slate-500">
          {item.fileName} · {formatFileSize(item.sizeBytes)}
        </p>
      </td>
      <td className={cx(TD, "whitespace-nowrap")}>
        <time dateTime={item.uploadedAt.toISOString()}>{formatWibDateTime(item.uploadedAt)}</time>
      </td>
      <td className={cx(TD, "whitespace-nowrap")}>
        <time dateTime={item.appointmentAt.toISOString()}>{formatWibDate(item.appointmentAt)}</time>
        <span className="block text-xs text-slate-500">{item.department}</span>
      </td>
      <td className={cx(TD, "text-right")}>
        <Link
          href={`/staff/review/${item.documentId}`}
          className={cx(BUTTON_PRIMARY, "px-3 py-1.5")}
        >
          Review
          <span className="sr-only">
            {" "}
            {item.patientName}&apos;s {item.title}
          </span>
        </Link>
      </td>
    </tr>
  );
}

export default async function StaffPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireRole("staff", "/staff");
  const { decided } = await searchParams;

  const queue = await loadQueue(viewer);
  const notice = typeof decided === "string" ? DECIDED_NOTICES[decided] : undefined;

  return (
    <div className="space-y-6">
      <PageHeading
        title="Verification queue"
        description="Identity documents that patients uploaded for appointments at your hospital, oldest first. A document leaves the queue once you verify or reject it."
      />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <section aria-labelledby="queue-heading" className={cx(CARD, "overflow-hidden")}>
        <h2 id="queue-heading" className="sr-only">
          Pending identity documents
        </h2>
        {queue.length === 0 ? (
          <EmptyState title="No identity documents are waiting.">
            New uploads for your hospital&apos;s appointments appear here.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200">
              <TableHead
                columns={[
                  "Patient",
                  "Document",
                  "Uploaded",
                  "Appointment",
                  { label: "Review", hidden: true },
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {queue.map((item) => (
                  <QueueRow key={item.documentId} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
