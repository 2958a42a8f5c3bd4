"use client";

import { useState } from "react";

import { MAX_MEDICINE_ROWS, type MedicineRow } from "../issue/issue-form-data";
import { cx } from "@/components/cx";
import { INPUT } from "@/components/workspace/styles";

const COLUMNS = [
  { name: "medicineName", label: "Medicine", placeholder: "Amoxicillin 500 mg", key: "name" },
  { name: "medicineDose", label: "Dose", placeholder: "1 capsule 3 times a day", key: "dose" },
  { name: "medicineQuantity", label: "Quantity", placeholder: "21 capsules", key: "quantity" },
] as const;

/**
 * Renders the prescription's medicine rows and an "Add medicine" button, up to the data
 * layer's maximum. Rows left entirely blank are ignored when the form is read.
 */
export function MedicineRows({
  initial,
  initialCount,
}: {
  initial: MedicineRow[];
  initialCount: number;
}) {
  const [count, setCount] = useState(initialCount);

  return (
    <div className="mt-2 space-y-2">
      <div className="hidden grid-cols-[1.4fr_1.6fr_1fr] gap-2 sm:grid" aria-hidden="true">
        {COLUMNS.map((column) => (
          <span key={column.name} className="text-xs font-medium text-slate-500">
            {column.label}
          </span>
        ))}
      </div>
      {Array.from({ length: count }, (_, row) => (
        <div key={row} className="grid gap-2 sm:grid-cols-[1.4fr_1.6fr_1fr]">
          {COLUMNS.map((column) => (
            <input
              key={column.name}
              name={column.name}
              aria-label={`${column.label} ${row + 1}`}
              placeholder={row === 0 ? column.placeholder : undefined}
              defaultValue={initial[row]?.[column.key] ?? ""}
              maxLength={column.key === "dose" ? 200 : 120}
              className={cx(INPUT, "mt-0")}
            />
          ))}
        </div>
      ))}
      {count < MAX_MEDICINE_ROWS ? (
        <button
          type="button"
          onClick={() => setCount(count + 1)}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          + Add medicine
        </button>
      ) : (
        <p className="text-xs text-slate-500">
          A prescription holds at most {MAX_MEDICINE_ROWS} medicines.
        </p>
      )}
    </div>
  );
}
