import { DocumentItem } from "./document-item";
import { DOCUMENT_GROUP_TEXT } from "./document-kinds";
import type { DocumentGroup as Group } from "@/lib/documents/types";

/** Renders a titled card listing one kind of document, or its empty state. */
export function DocumentGroup({ group, now }: { group: Group; now: Date }) {
  const text = DOCUMENT_GROUP_TEXT[group.kind];
  const headingId = `group-${group.kind}`;

  return (
    <section
      aria-labelledby={headingId}
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <header className="flex items-baseline justify-between border-b border-slate-100 px-5 py-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {text.heading}
        </h2>
        <span className="text-sm text-slate-500">
          {group.documents.length === 1 ? "1 document" : `${group.documents.length} documents`}
        </span>
      </header>
      {group.documents.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">{text.empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {group.documents.map((document) => (
            <DocumentItem key={document.id} document={document} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
