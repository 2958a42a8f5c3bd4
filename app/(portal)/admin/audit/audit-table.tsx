import Link from "next/link";

import { auditQueryString, summarizeDetail, type AuditQueryValues } from "./audit-query";
import { cx } from "@/components/cx";
import { formatWibDateTimeSeconds } from "@/components/wib-time";
import { TD } from "@/components/workspace/styles";
import { TableHead } from "@/components/workspace/table-head";
import { Badge, type BADGE_TONES } from "@/components/workspace/ui";
import type { AuditRow } from "@/lib/audit";

const ROLE_TONES: Record<string, keyof typeof BADGE_TONES> = {
  patient: "teal",
  doctor: "green",
  staff: "amber",
  admin: "grey",
};

function Actor({ row }: { row: AuditRow }) {
  if (!row.actorId) return <span className="text-slate-400">No account</span>;
  return (
    <>
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium text-slate-900">{row.actorName ?? "Deleted user"}</span>
        {row.actorRole ? (
          <Badge tone={ROLE_TONES[row.actorRole] ?? "grey"}>{row.actorRole}</Badge>
        ) : null}
      </span>
      <span className="block text-xs text-slate-500">{row.actorEmail ?? row.actorId}</span>
    </>
  );
}

/**
 * Renders audit events as a table. A document id links to the log filtered by that document,
 * keeping the other filters.
 */
export function AuditTable({ rows, values }: { rows: AuditRow[]; values: AuditQueryValues }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <TableHead columns={["Time", "Actor", "Action", "Document and detail", "Client IP"]} />
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={cx(TD, "text-xs whitespace-nowrap")}>
                <time dateTime={row.occurredAt.toISOString()}>
                  {formatWibDateTimeSeconds(row.occurredAt)}
                </time>
              </td>
              <td className={TD}>
                <Actor row={row} />
              </td>
              <td className={cx(TD, "whitespace-nowrap")}>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                  {row.action}
                </code>
              </td>
              <td className={cx(TD, "min-w-56")}>
                {row.documentId ? (
                  <Link
                    href={`/admin/audit${auditQueryString({ ...values, documentId: row.documentId })}`}
                    title={`Show only events of document ${row.documentId}`}
                    className="font-mono text-xs text-brand-700 hover:underline"
                  >
                    {row.documentId.slice(0, 8)}…
                  </Link>
                ) : null}
                <p className="mt-0.5 text-xs break-words text-slate-500">
                  {summarizeDetail(row.detail)}
                </p>
              </td>
              <td className={cx(TD, "font-mono text-xs whitespace-nowrap")}>
                {row.clientIp ?? <span className="text-slate-400">unknown</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
