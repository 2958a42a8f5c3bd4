import { parseWibDateTime } from "@/components/wib-time";
import type { IssueRequest } from "@/lib/issuing";

/** Medicine rows the issue form offers before the doctor adds more. */
export const INITIAL_MEDICINE_ROWS = 3;

/** The data layer accepts at most this many medicines on one prescription. */
export const MAX_MEDICINE_ROWS = 10;

export interface MedicineRow {
  name: string;
  dose: string;
  quantity: string;
}

/** The doctor's input, returned with an error so that the form shows it again unchanged. */
export interface IssueFormValues {
  patientId: string;
  hospitalId: string;
  kind: string;
  title: string;
  /** `YYYY-MM-DD` from a date input, in WIB. */
  validUntilDate: string;
  /** `HH:MM` or `HH:MM:SS` from a time input, in WIB. Empty means 23:59:59. */
  validUntilTime: string;
  source: "form" | "upload";
  medicines: MedicineRow[];
  instructions: string;
}

export type ParsedIssueForm =
  | { ok: true; values: IssueFormValues; request: IssueRequest }
  | { ok: false; values: IssueFormValues; error: string };

const ISSUABLE: readonly IssueRequest["kind"][] = ["prescription", "doctor_note"];

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function texts(formData: FormData, name: string): string[] {
  return formData.getAll(name).map((value) => (typeof value === "string" ? value : ""));
}

/** Reads the medicine rows, dropping rows left entirely blank. */
function medicineRows(formData: FormData): MedicineRow[] {
  const names = texts(formData, "medicineName");
  const doses = texts(formData, "medicineDose");
  const quantities = texts(formData, "medicineQuantity");
  const rows: MedicineRow[] = [];
  for (let i = 0; i < Math.max(names.length, doses.length, quantities.length); i++) {
    const row = { name: names[i] ?? "", dose: doses[i] ?? "", quantity: quantities[i] ?? "" };
    if (`${row.name}${row.dose}${row.quantity}`.trim() !== "") rows.push(row);
  }
  return rows;
}

/**
 * Turns the issue form's fields into an IssueRequest for the data layer, which checks the
 * content itself. Only what it cannot see is checked here: an unknown kind, a malformed
 * validity date and a missing PDF file. The returned values never contain the file.
 */
export async function parseIssueForm(formData: FormData): Promise<ParsedIssueForm> {
  const values: IssueFormValues = {
    patientId: text(formData, "patientId"),
    hospitalId: text(formData, "hospitalId"),
    kind: text(formData, "kind"),
    title: text(formData, "title"),
    validUntilDate: text(formData, "validUntilDate"),
    validUntilTime: text(formData, "validUntilTime"),
    source: text(formData, "source") === "upload" ? "upload" : "form",
    medicines: medicineRows(formData),
    instructions: text(formData, "instructions"),
  };

  const kind = ISSUABLE.find((candidate) => candidate === values.kind);
  if (!kind) {
    return { ok: false, values, error: "Choose whether this is a prescription or a doctor note." };
  }

  let validUntil: Date | undefined;
  if (values.validUntilDate.trim() !== "") {
    const parsed = parseWibDateTime(values.validUntilDate, values.validUntilTime);
    if (!parsed) {
      return { ok: false, values, error: "Enter the validity as a real date and time." };
    }
    validUntil = parsed;
  }

  const common = {
    patientId: values.patientId,
    hospitalId: values.hospitalId,
    kind,
    title: values.title,
    validUntil,
  };
  if (values.source === "form") {
    const source = {
      type: "form" as const,
      medicines: values.medicines,
      instructions: values.instructions,
    };
    return { ok: true, values, request: { ...common, source } };
  }

  const file = formData.get("pdf");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, values, error: "Choose the PDF file to upload." };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const source = { type: "upload" as const, fileName: file.name, bytes };
  return { ok: true, values, request: { ...common, source } };
}

/**
 * Rewrites the field path that the data layer appends to a validation message for the form:
 * `Enter the dose. (source.medicines.1.dose)` becomes `Enter the dose. (medicine 2)`, and other
 * paths such as `(title)` are dropped, because the message already names the field.
 */
export function readableIssueError(message: string): string {
  const medicine = /\s\(source\.medicines\.(\d+)\.\w+\)$/.exec(message);
  if (medicine) {
    return `${message.slice(0, medicine.index)} (medicine ${Number(medicine[1]) + 1})`;
  }
  return message.replace(/\s\([\w.]+\)$/, "");
}
