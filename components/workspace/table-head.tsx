import { TH } from "./styles";

/** A column heading; `hidden` keeps it for screen readers only, e.g. over a buttons column. */
export type Column = string | { label: string; hidden: true };

/** Renders a table's header row with one column heading per entry. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead className="bg-slate-50">
      <tr>
        {columns.map((column) => {
          const label = typeof column === "string" ? column : column.label;
          return (
            <th key={label} scope="col" className={TH}>
              {typeof column === "string" ? label : <span className="sr-only">{label}</span>}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
