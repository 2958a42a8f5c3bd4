"use client";

import Link from "next/link";
import { useActionState, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

import { issueDocumentAction, type IssueFormState } from "../actions";
import {
  INITIAL_MEDICINE_ROWS,
  MAX_MEDICINE_ROWS,
  type IssueFormValues,
} from "../issue/issue-form-data";
import { MedicineRows } from "./medicine-rows";
import { PdfField } from "./pdf-field";
import { cx } from "@/components/cx";
import {
  BUTTON_PRIMARY,
  BUTTON_SECONDARY,
  CARD,
  HINT,
  INPUT,
  LABEL,
} from "@/components/workspace/styles";
import { formatMegabytes } from "@/lib/uploads/file-types";

export interface IssueTargets {
  patients: Array<{ id: string; name: string; email: string }>;
  hospitals: Array<{ id: string; name: string; city: string }>;
}

const EMPTY_VALUES: IssueFormValues = {
  patientId: "",
  hospitalId: "",
  kind: "prescription",
  title: "",
  validUntilDate: "",
  validUntilTime: "23:59:59",
  source: "form",
  medicines: [],
  instructions: "",
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={cx(CARD, "space-y-5 p-5 sm:p-6")}>
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Choice(props: {
  name: string;
  value: string;
  checked: boolean;
  onSelect: () => void;
  label: string;
  hint: string;
}) {
  return (
    <label
      className={cx(
        "flex cursor-pointer gap-3 rounded-lg border px-4 py-3 text-sm",
        props.checked ? "border-brand-600 bg-brand-50" : "border-slate-300 hover:bg-slate-50",
      )}
    >
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={props.onSelect}
        className="mt-0.5 accent-brand-600"
      />
      <span>
        <span className="block font-medium text-slate-900">{props.label}</span>
        <span className="block text-slate-500">{props.hint}</span>
      </span>
    </label>
  );
}

function SubmitButton({ kind }: { kind: string }) {
  const { pending } = useFormStatus();
  const noun = kind === "doctor_note" ? "doctor note" : "prescription";
  return (
    <button type="submit" disabled={pending} className={BUTTON_PRIMARY}>
      {pending ? "Issuing…" : `Issue ${noun}`}
    </button>
  );
}

/**
 * Renders the fields of the issue form. The parent remounts it after each failed submission,
 * so every uncontrolled field starts again from the values the server returned.
 */
function IssueFields(props: {
  values: IssueFormValues;
  error: string | null;
  targets: IssueTargets;
  today: string;
  maxPdfBytes: number;
}) {
  const { values, targets } = props;
  const [kind, setKind] = useState(values.kind === "doctor_note" ? "doctor_note" : "prescription");
  const [source, setSource] = useState(values.source);
  const prescription = kind === "prescription";
  const initialRows = Math.min(
    MAX_MEDICINE_ROWS,
    Math.max(INITIAL_MEDICINE_ROWS, values.medicines.length),
  );

  return (
    <div className="space-y-6">
      <Section id="patient-heading" title="Patient">
        <div className="grid gap-5 sm:grid-cols-2">
          <div>
            <label htmlFor="patientId" className={LABEL}>
              Patient
            </label>
            <select
              id="patientId"
              name="patientId"
              required
              defaultValue={values.patientId}
              className={INPUT}
            >
              <option value="" disabled>
                Choose a patient
              </option>
              {targets.patients.map((patient) => (
                <option key={patient.id} value={patient.id}>
                  {patient.name} ({patient.email})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="hospitalId" className={LABEL}>
              Issuing hospital
            </label>
            <select
              id="hospitalId"
              name="hospitalId"
              required
              defaultValue={values.hospitalId}
              className={INPUT}
            >
              <option value="" disabled>
                Choose a hospital
              </option>
              {targets.hospitals.map((hospital) => (
                <option key={hospital.id} value={hospital.id}>
                  {hospital.name}, {hospital.city}
                </option>
              ))}
            </select>
          </div>
        </div>
      </Section>

      <Section id="document-heading" title="Document">
        <div role="radiogroup" aria-label="Kind" className="grid gap-3 sm:grid-cols-2">
          <Choice
            name="kind"
            value="prescription"
            checked={prescription}
            onSelect={() => setKind("prescription")}
            label="Prescription"
            hint="Medicines to dispense, valid until a date you set."
          />
          <Choice
            name="kind"
            value="doctor_note"
            checked={!prescription}
            onSelect={() => setKind("doctor_note")}
            label="Doctor note"
            hint="A letter or certificate, such as a sick note."
          />
        </div>
        <div>
          <label htmlFor="title" className={LABEL}>
            Title
          </label>
          <input
            id="title"
            name="title"
            required
            minLength={3}
            maxLength={160}
            defaultValue={values.title}
            placeholder={prescription ? "Amoxicillin 500 mg" : "Sick note, 3 days of rest"}
            className={INPUT}
          />
          <p className={HINT}>The patient sees this title in their documents.</p>
        </div>
        <div>
          <span id="validity-label" className={LABEL}>
            Valid until{prescription ? "" : " (optional)"}
          </span>
          <div className="mt-1 flex gap-3" role="group" aria-labelledby="validity-label">
            <input
              id="validUntilDate"
              name="validUntilDate"
              type="date"
              aria-label="Validity date"
              required={prescription}
              min={props.today}
              defaultValue={values.validUntilDate}
              className={cx(INPUT, "mt-0 max-w-48")}
            />
            <input
              id="validUntilTime"
              name="validUntilTime"
              type="time"
              step={1}
              aria-label="Validity time"
              defaultValue={values.validUntilTime}
              className={cx(INPUT, "mt-0 max-w-36")}
            />
          </div>
          <p className={HINT}>
            Jakarta time (WIB). The time defaults to the last second of the day; after it, the
            patient can no longer open the document.
          </p>
        </div>
      </Section>

      <Section id="content-heading" title="Content">
        <div role="radiogroup" aria-label="Content" className="grid gap-3 sm:grid-cols-2">
          <Choice
            name="source"
            value="form"
            checked={source === "form"}
            onSelect={() => setSource("form")}
            label="Write it here"
            hint="Berkas renders a PDF with your name and the hospital."
          />
          <Choice
            name="source"
            value="upload"
            checked={source === "upload"}
            onSelect={() => setSource("upload")}
            label="Upload a PDF"
            hint={`A document you prepared elsewhere, up to ${formatMegabytes(props.maxPdfBytes)}.`}
          />
        </div>

        {/* A disabled fieldset submits nothing, so hidden choices never reach the server. */}
        <fieldset disabled={source !== "form"} hidden={source !== "form"} className="space-y-5">
          <fieldset disabled={!prescription} hidden={!prescription}>
            <legend className={LABEL}>Medicines</legend>
            <MedicineRows initial={values.medicines} initialCount={initialRows} />
          </fieldset>
          <div>
            <label htmlFor="instructions" className={LABEL}>
              {prescription ? "Instructions for the patient" : "Note"}
            </label>
            <textarea
              id="instructions"
              name="instructions"
              rows={prescription ? 3 : 8}
              maxLength={4000}
              defaultValue={values.instructions}
              className={INPUT}
            />
            <p className={HINT}>Leave an empty line between paragraphs.</p>
          </div>
        </fieldset>

        <fieldset disabled={source !== "upload"} hidden={source !== "upload"}>
          <PdfField maxBytes={props.maxPdfBytes} required={source === "upload"} />
        </fieldset>
      </Section>

      {props.error ? (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800"
        >
          {props.error}
        </p>
      ) : null}
      <div className="flex items-center justify-end gap-3">
        <Link href="/doctor" className={BUTTON_SECONDARY}>
          Cancel
        </Link>
        <SubmitButton kind={kind} />
      </div>
    </div>
  );
}

/**
 * Renders the form that issues a prescription or doctor note. Errors from the server action
 * appear above the submit button, and the typed values stay (a chosen PDF must be chosen again,
 * because browsers never prefill file inputs).
 */
export function IssueForm(props: { targets: IssueTargets; today: string; maxPdfBytes: number }) {
  const [state, formAction] = useActionState<IssueFormState, FormData>(issueDocumentAction, {
    error: null,
    values: null,
    attempt: 0,
  });

  return (
    <form action={formAction}>
      <IssueFields
        key={state.attempt}
        values={state.values ?? EMPTY_VALUES}
        error={state.error}
        targets={props.targets}
        today={props.today}
        maxPdfBytes={props.maxPdfBytes}
      />
    </form>
  );
}
