import type { Metadata } from "next";
import Link from "next/link";

import { KIND_LABELS, STATE_BADGES } from "./_components/document-labels";
import { RevokeForm } from "./_components/revoke-form";
import { openDatabase } from "@/app/_lib/contexts";
import { failPage } from "@/app/_lib/errors";
import { currentRequestId } from "@/app/_lib/request-id";
import { cx } from "@/components/cx";
import { formatWibClock, formatWibDate } from "@/components/wib-time";
import { BUTTON_PRIMARY, CARD, TD } from "@/components/workspace/styles";
import { TableHead } from "@/components/workspace/table-head";
import { Badge, EmptyState, Notice, PageHeading } from "@/components/workspace/ui";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";
import { listAuthoredDocuments, type AuthoredDocument } from "@/lib/issuing";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Issued documents" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadAuthoredDocuments(viewer: SignedInViewer, now: Date) {
  try {
    return await listAuthoredDocuments(await openDatabase(), viewer, now);
  } catch (error) {
    failPage(error, { requestId: await currentRequestId(), userId: viewer.id });
  }
}

/** Renders the notice for a document just issued or revoked, found by the id in the query. */
function ResultNotice({
  documents,
  issued,
  revoked,
}: {
  documents: AuthoredDocument[];
  issued: unknown;
  revoked: unknown;
}) {
  const document = documents.find((row) => row.id === issued || row.id === revoked);
  if (!document) return null;
  const kind = KIND_LABELS[document.kind].toLowerCase();
  return document.id === issued ? (
    <Notice tone="success">
      Your {kind} “{document.title}” was issued to {document.patientName}, who can open it now.
    </Notice>
  ) : (
    <Notice tone="success">
      “{document.title}” was revoked. {document.patientName} can no longer open it.
    </Notice>
  );
}

function DocumentRow({ document }: { document: AuthoredDocument }) {
  const state = STATE_BADGES[document.status];
  return (
    <tr>
      <td className={TD}>
        <p className="font-medium text-slate-900">{document.title}</p>
        <p className="mt-0.5 text-xs text-slate-500">{KIND_LABELS[document.kind]}</p>
      </td>
      <td className={cx(TD, "whitespace-nowrap")}>{document.patientName}</td>
      <td className={cx(TD, "whitespace-nowrap")}>
        <time dateTime={document.issuedAt.toISOString()}>{formatWibDate(document.issuedAt)}</time>
      </td>
      <td className={cx(TD, "whitespace-nowrap")}>
        {document.validUntil ? (
          <time dateTime={document.validUntil.toISOString()}>
            {formatWibDate(document.validUntil)}
            <span className="block text-xs text-slate-500">
              {formatWibClock(document.validUntil)}
            </span>
          </time>
        ) : (
          <span className="text-slate-400">No end</span>
        )}
      </td>
      <td className={TD}>
        <Badge tone={state.tone}>{state.label}</Badge>
      </td>
      <td className={cx(TD, "text-right")}>
        {document.status === "active" ? (
          <RevokeForm documentId={document.id} title={document.title} />
        ) : null}
      </td>
    </tr>
  );
}

export default async function DoctorPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireRole("doctor", "/doctor");
  const { issued, revoked } = await searchParams;

  const documents = await loadAuthoredDocuments(viewer, new Date());

  return (
    <div className="space-y-6">
      <PageHeading
        title="Issued documents"
        description="Prescriptions and doctor notes you issued, newest first. Revoking one stops new links to it at once, but a link a patient already opened works until it expires a few minutes later."
        action={
          <Link href="/doctor/issue" className={BUTTON_PRIMARY}>
            Issue a document
          </Link>
        }
      />
      <ResultNotice documents={documents} issued={issued} revoked={revoked} />
      <section aria-labelledby="issued-heading" className={`${CARD} overflow-hidden`}>
        <h2 id="issued-heading" className="sr-only">
          Your documents
        </h2>
        {documents.length === 0 ? (
          <EmptyState title="You have not issued any documents yet.">
            <Link href="/doctor/issue" className="font-medium text-brand-700 hover:underline">
              Issue a prescription or a doctor note
            </Link>
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200">
              <TableHead
                columns={[
                  "Document",
                  "Patient",
                  "Issued",
                  "Valid until",
                  "State",
                  { label: "Actions", hidden: true },
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {documents.map((document) => (
                  <DocumentRow key={document.id} document={document} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
