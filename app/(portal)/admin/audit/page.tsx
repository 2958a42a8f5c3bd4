import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import {
  AUDIT_PAGE_SIZE,
  auditQueryString,
  canonicalAuditPath,
  parseAuditQuery,
  type AuditQueryValues,
} from "./audit-query";
import { openDatabase } from "@/app/_lib/contexts";
import { failPage } from "@/app/_lib/errors";
import { currentRequestId } from "@/app/_lib/request-id";
import { cx } from "@/components/cx";
import { BUTTON_SECONDARY, CARD } from "@/components/workspace/styles";
import { EmptyState, Notice, PageHeading } from "@/components/workspace/ui";
import { listAuditEvents, type AuditFilter, type AuditRow } from "@/lib/audit";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadEvents(viewer: SignedInViewer, filter: AuditFilter): Promise<AuditRow[]> {
  try {
    return await listAuditEvents(await openDatabase(), viewer, filter);
  } catch (error) {
    failPage(error, { requestId: await currentRequestId(), userId: viewer.id });
  }
}

function Pagination(props: { values: AuditQueryValues; rows: AuditRow[]; paged: boolean }) {
  const { values, rows, paged } = props;
  const last = rows.at(-1);
  const full = rows.length === AUDIT_PAGE_SIZE;
  if (!paged && !full) return null;
  return (
    <nav aria-label="Audit log pages" className="flex justify-between gap-3">
      {paged ? (
        <Link href={`/admin/audit${auditQueryString(values)}`} className={BUTTON_SECONDARY}>
          ← Newest
        </Link>
      ) : (
        <span />
      )}
      {full && last ? (
        <Link
          href={`/admin/audit${auditQueryString(values, last.id)}`}
          className={BUTTON_SECONDARY}
        >
          Older →
        </Link>
      ) : null}
    </nav>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireRole("admin", "/admin/audit");
  const params = await searchParams;
  const canonical = canonicalAuditPath(params);
  if (canonical) redirect(canonical);
  const query = parseAuditQuery(params);

  const rows = query.ok ? await loadEvents(viewer, query.filter) : [];

  return (
    <div className="space-y-6">
      <PageHeading
        title="Audit log"
        description="Sign-ins, minted links, issued and revoked documents, uploads and verification decisions, newest first. Entries cannot be changed or deleted. Times are Jakarta time (WIB)."
      />
      <AuditFilters values={query.values} />
      {query.ok ? (
        <>
          <section aria-labelledby="events-heading" className={cx(CARD, "overflow-hidden")}>
            <h2 id="events-heading" className="sr-only">
              Audit events
            </h2>
            {rows.length === 0 ? (
              <EmptyState title="No events match these filters." />
            ) : (
              <AuditTable rows={rows} values={query.values} />
            )}
          </section>
          <Pagination
            values={query.values}
            rows={rows}
            paged={query.filter.beforeId !== undefined}
          />
        </>
      ) : (
        <Notice tone="error">{query.error}</Notice>
      )}
    </div>
  );
}
