import { startOfNextWibDay, startOfWibDay } from "@/components/wib-time";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import type { AuditFilter } from "@/lib/audit";

/** Events shown per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** The filter form's fields as the admin typed them, shown again in the form. */
export interface AuditQueryValues {
  action: string;
  documentId: string;
  /** First WIB day to include, `YYYY-MM-DD`. */
  from: string;
  /** Last WIB day to include, `YYYY-MM-DD`. */
  to: string;
}

export type AuditQuery =
  | { ok: true; values: AuditQueryValues; filter: AuditFilter }
  | { ok: false; values: AuditQueryValues; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function valuesOf(params: Record<string, string | string[] | undefined>): AuditQueryValues {
  return {
    action: single(params.action),
    documentId: single(params.documentId),
    from: single(params.from),
    to: single(params.to),
  };
}

function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/**
 * Reads the audit log's GET parameters (`action`, `documentId`, `from`, `to`, `beforeId`) into
 * a filter. Days are WIB calendar days and `to` includes its whole day. An invalid value
 * gives an error naming it instead of a filter, so a typo never widens the search.
 */
export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const values = valuesOf(params);
  const beforeText = single(params.beforeId);
  const fail = (error: string): AuditQuery => ({ ok: false, values, error });

  const filter: AuditFilter = { limit: AUDIT_PAGE_SIZE };
  if (values.action !== "") {
    if (!isAuditAction(values.action)) return fail(`"${values.action}" is not an audit action.`);
    filter.action = values.action;
  }
  if (values.documentId !== "") {
    if (!UUID.test(values.documentId)) {
      return fail(`"${values.documentId}" is not a document id. Document ids are UUIDs.`);
    }
    filter.documentId = values.documentId.toLowerCase();
  }
  if (values.from !== "") {
    const from = startOfWibDay(values.from);
    if (!from) return fail(`"${values.from}" is not a date. Use YYYY-MM-DD.`);
    filter.from = from;
  }
  if (values.to !== "") {
    const to = startOfNextWibDay(values.to);
    if (!to) return fail(`"${values.to}" is not a date. Use YYYY-MM-DD.`);
    filter.to = to;
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    return fail("The start date is after the end date.");
  }
  if (beforeText !== "") {
    if (!/^[1-9]\d{0,14}$/.test(beforeText)) return fail(`"${beforeText}" is not an event id.`);
    filter.beforeId = Number(beforeText);
  }
  return { ok: true, values, filter };
}

/** Builds the query string of the audit log for these values and an optional page start. */
export function auditQueryString(values: AuditQueryValues, beforeId?: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== "") params.set(name, value);
  }
  if (beforeId !== undefined) params.set("beforeId", String(beforeId));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/**
 * Returns the audit log's address without the empty parameters that a GET form submits for
 * unused filters (`?action=&documentId=…&from=&to=`), or null when there are none. The
 * page redirects there so that every filtered view has one address.
 */
export function canonicalAuditPath(
  params: Record<string, string | string[] | undefined>,
): string | null {
  const hasEmpty = Object.values(params).some((value) => single(value) === "");
  if (!hasEmpty) return null;
  const beforeId = single(params.beforeId);
  const path = `/admin/audit${auditQueryString(valuesOf(params))}`;
  if (beforeId === "") return path;
  return `${path}${path.includes("?") ? "&" : "?"}beforeId=${encodeURIComponent(beforeId)}`;
}

/**
 * Summarises an event's detail as `key: value` pairs for the table, at most `maxLength`
 * characters. Strings are shown bare and everything else as JSON.
 */
export function summarizeDetail(detail: Record<string, unknown> | null, maxLength = 160): string {
  if (!detail) return "";
  const text = Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
