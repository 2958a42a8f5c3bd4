"use client";

import { useState, type ChangeEvent } from "react";

import { cx } from "@/components/cx";
import { HINT, INPUT, LABEL } from "@/components/workspace/styles";
import { formatMegabytes } from "@/lib/uploads/file-types";

const FILE_BUTTON = cx(
  "file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1",
  "file:text-sm file:font-medium file:text-brand-800",
);

/**
 * Renders the PDF file input. It rejects files over `maxBytes` or of another type before the
 * upload starts, with the message the server would give. The server checks the bytes again.
 */
export function PdfField({ maxBytes, required }: { maxBytes: number; required: boolean }) {
  const [problem, setProblem] = useState<string | null>(null);

  function check(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    let message = "";
    if (file && file.size > maxBytes) {
      message = `"${file.name}" is ${formatMegabytes(file.size)}, more than the ${formatMegabytes(maxBytes)} limit.`;
    } else if (file && file.type !== "" && file.type !== "application/pdf") {
      message = `"${file.name}" is not a PDF. Upload a PDF file.`;
    }
    input.setCustomValidity(message);
    setProblem(message || null);
  }

  return (
    <div>
      <label htmlFor="pdf" className={LABEL}>
        PDF file
      </label>
      <input
        id="pdf"
        name="pdf"
        type="file"
        accept="application/pdf,.pdf"
        required={required}
        onChange={check}
        aria-invalid={problem ? true : undefined}
        aria-describedby="pdf-hint"
        className={cx(INPUT, FILE_BUTTON)}
      />
      <p id="pdf-hint" className={problem ? "mt-1 text-xs text-rose-700" : HINT}>
        {problem ?? `PDF only, up to ${formatMegabytes(maxBytes)}.`}
      </p>
    </div>
  );
}
