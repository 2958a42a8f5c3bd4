import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";

import { DecisionForms } from "../../_components/decision-forms";
import { LinkCountdown } from "../../_components/link-countdown";
import { verificationsContext } from "@/app/_lib/contexts";
import { failPage } from "@/app/_lib/errors";
import { appLog } from "@/app/_lib/log";
import { currentRequestId } from "@/app/_lib/request-id";
import { cx } from "@/components/cx";
import { formatFileSize, formatMinutesUntil } from "@/components/format";
import { formatWibClock, formatWibDate, formatWibDateTime } from "@/components/wib-time";
import { CARD } from "@/components/workspace/styles";
import { Notice } from "@/components/workspace/ui";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import {
  listPendingVerifications,
  openIdentityDocument,
  type PendingVerification,
} from "@/lib/verifications";

// Every render mints a new signed URL, which must never be prerendered or cached.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Review identity document" };

type StaffLink = Awaited<ReturnType<typeof openIdentityDocument>>;
type Review = { item: PendingVerification } & ({ link: StaffLink } | { problem: string });

/**
 * Loads the queue entry and mints the link, which is audited. An id that is not pending at
 * the viewer's hospital is a 404, and a link that cannot be bound to the viewer's address
 * becomes a message on the page.
 */
async function loadReview(viewer: SignedInViewer, id: string): Promise<Review> {
  const requestId = await currentRequestId();
  try {
    const context = await verificationsContext();
    const queue = await listPendingVerifications(context.db, viewer);
    const item = queue.find((entry) => entry.documentId === id);
    if (!item) notFound();
    try {
      return { item, link: await openIdentityDocument(context, viewer, id) };
    } catch (error) {
      if (!isAppError(error) || error.code !== "forbidden") throw error;
      appLog().info({ requestId, userId: viewer.id, documentId: id }, error.message);
      return { item, problem: error.userMessage };
    }
  } catch (error) {
    failPage(error, { requestId, userId: viewer.id, documentId: id });
  }
}

function Viewer({ link, item }: { link: StaffLink; item: PendingVerification }) {
  const label = `${item.title} of ${item.patientName}`;
  if (link.contentType === "application/pdf") {
    return <iframe src={link.url} title={label} className="h-[70vh] w-full rounded-lg bg-white" />;
  }
  // A plain <img>, because next/image would fetch the signed URL through the app's image
  // optimizer, which keeps a server-side copy of the file after the link expires.
  return <img src={link.url} alt={label} className="mx-auto max-h-[70vh] w-auto object-contain" />;
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireRole("staff", `/staff/review/${encodeURIComponent(id)}`);
  const now = new Date();

  const review = await loadReview(viewer, id);
  const { item } = review;

  return (
    <div className="space-y-6">
      <div>
        <Link href="/staff" className="text-sm font-medium text-brand-700 hover:underline">
          ← Verification queue
        </Link>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900">
          {item.title} of {item.patientName}
        </h1>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div
          className={cx(
            "flex min-h-96 items-center justify-center self-start rounded-xl p-3",
            "border border-slate-200 bg-slate-100 shadow-sm",
          )}
        >
          {"link" in review ? (
            <Viewer link={review.link} item={item} />
          ) : (
            <Notice tone="error">{review.problem}</Notice>
          )}
        </div>
        <div className="space-y-6">
          <dl className={cx(CARD, "space-y-4 p-5")}>
            <Detail term="Patient">{item.patientName}</Detail>
            <Detail term="Appointment">
              {formatWibDate(item.appointmentAt)} · {item.department}
            </Detail>
            <Detail term="File">
              {item.fileName} · {formatFileSize(item.sizeBytes)}
            </Detail>
            <Detail term="Uploaded">{formatWibDateTime(item.uploadedAt)}</Detail>
            {"link" in review ? (
              <Detail term="Viewing link expires">
                <time dateTime={review.link.expiresAt.toISOString()}>
                  {formatWibClock(review.link.expiresAt)}
                </time>{" "}
                <span className="text-slate-500">
                  (
                  <LinkCountdown
                    expiresAt={review.link.expiresAt.toISOString()}
                    fallback={formatMinutesUntil(review.link.expiresAt, now)}
                  />
                  )
                </span>
              </Detail>
            ) : null}
          </dl>
          <DecisionForms documentId={item.documentId} />
        </div>
      </div>
    </div>
  );
}
