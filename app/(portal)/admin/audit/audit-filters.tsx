import Link from "next/link";

import type { AuditQueryValues } from "./audit-query";
import { cx } from "@/components/cx";
import {
  BUTTON_PRIMARY,
  BUTTON_SECONDARY,
  CARD,
  INPUT,
  LABEL,
} from "@/components/workspace/styles";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

/** Renders the audit log's filters as a GET form, so every filtered view has its own address. */
export function AuditFilters({ values }: { values: AuditQueryValues }) {
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label="Filter the audit log"
      className={cx(CARD, "grid gap-4 p-5 sm:grid-cols-2 lg:grid-cols-[1fr_1.4fr_auto_auto]")}
    >
      <div>
        <label htmlFor="action" className={LABEL}>
          Action
        </label>
        <select id="action" name="action" defaultValue={values.action} className={INPUT}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="documentId" className={LABEL}>
          Document id
        </label>
        <input
          id="documentId"
          name="documentId"
          defaultValue={values.documentId}
          placeholder="0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10"
          spellCheck={false}
          autoComplete="off"
          className={cx(INPUT, "font-mono")}
        />
      </div>
      <div>
        <label htmlFor="from" className={LABEL}>
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={values.from} className={INPUT} />
      </div>
      <div>
        <label htmlFor="to" className={LABEL}>
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={values.to} className={INPUT} />
      </div>
      <div className="flex items-center justify-end gap-3 sm:col-span-2 lg:col-span-4">
        <Link href="/admin/audit" className={BUTTON_SECONDARY}>
          Clear
        </Link>
        <button type="submit" className={BUTTON_PRIMARY}>
          Apply filters
        </button>
      </div>
    </form>
  );
}
