import { describe, expect, it } from "vitest";

import { parseIssueForm, readableIssueError } from "./issue-form-data";

const PATIENT_ID = "5b0c7a56-0b9a-4c36-9d55-2f4f0e6b7a11";
const HOSPITAL_ID = "0b7f3c5e-2f44-4c1b-9a57-3f3f1d5c2a10";

function formOf(fields: Record<string, string | string[]>, file?: File): FormData {
  const formData = new FormData();
  const base = { patientId: PATIENT_ID, hospitalId: HOSPITAL_ID, kind: "prescription" };
  for (const [name, value] of Object.entries({ ...base, ...fields })) {
    for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item);
  }
  if (file) formData.append("pdf", file);
  return formData;
}

describe("parseIssueForm", () => {
  it("builds a form request with WIB validity", async () => {
    const parsed = await parseIssueForm(
      formOf({
        title: "Amoxicillin 500 mg",
        validUntilDate: "2026-12-31",
        validUntilTime: "",
        source: "form",
        medicineName: ["Amoxicillin", "", "Paracetamol"],
        medicineDose: ["500 mg three times a day", "", "500 mg when needed"],
        medicineQuantity: ["21 capsules", "", ""],
        instructions: "Finish the course.",
      }),
    );

    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request.kind).toBe("prescription");
    expect(parsed.request.validUntil?.toISOString()).toBe("2026-12-31T16:59:59.000Z");
    expect(parsed.request.source).toEqual({
      type: "form",
      medicines: [
        { name: "Amoxicillin", dose: "500 mg three times a day", quantity: "21 capsules" },
        { name: "Paracetamol", dose: "500 mg when needed", quantity: "" },
      ],
      instructions: "Finish the course.",
    });
  });

  it("keeps a half-filled medicine row", async () => {
    const parsed = await parseIssueForm(
      formOf({ medicineName: ["Cetirizine"], medicineDose: [""], medicineQuantity: [""] }),
    );

    expect(parsed.values.medicines).toEqual([{ name: "Cetirizine", dose: "", quantity: "" }]);
  });

  it("reads a validity time to the second", async () => {
    const parsed = await parseIssueForm(
      formOf({ validUntilDate: "2026-12-05", validUntilTime: "08:00:07" }),
    );

    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request.validUntil?.toISOString()).toBe("2026-12-05T01:00:07.000Z");
  });

  it("leaves validity out without a date", async () => {
    const parsed = await parseIssueForm(
      formOf({ kind: "doctor_note", validUntilDate: "", validUntilTime: "23:59:59" }),
    );

    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request.validUntil).toBeUndefined();
  });

  it("rejects an impossible validity date", async () => {
    const parsed = await parseIssueForm(formOf({ title: "Kept", validUntilDate: "2026-02-30" }));

    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error).toBe("Enter the validity as a real date and time.");
    expect(parsed.values.title).toBe("Kept");
    expect(parsed.values.validUntilDate).toBe("2026-02-30");
  });

  it("rejects an unknown kind", async () => {
    const parsed = await parseIssueForm(formOf({ kind: "invoice" }));

    expect(parsed.ok ? "" : parsed.error).toBe(
      "Choose whether this is a prescription or a doctor note.",
    );
  });

  it("reads an uploaded PDF", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n");
    const file = new File([bytes], "Surat sakit.pdf", { type: "application/pdf" });

    const parsed = await parseIssueForm(formOf({ kind: "doctor_note", source: "upload" }, file));

    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.request.source.type !== "upload") return;
    expect(parsed.request.source.fileName).toBe("Surat sakit.pdf");
    expect(Array.from(parsed.request.source.bytes)).toEqual(Array.from(bytes));
    expect(parsed.values.source).toBe("upload");
  });

  it("requires a file for an upload", async () => {
    const empty = new File([], "", { type: "application/octet-stream" });

    const withoutFile = await parseIssueForm(formOf({ source: "upload" }));
    const withEmptyFile = await parseIssueForm(formOf({ source: "upload" }, empty));

    expect(withoutFile.ok ? "" : withoutFile.error).toBe("Choose the PDF file to upload.");
    expect(withEmptyFile.ok ? "" : withEmptyFile.error).toBe("Choose the PDF file to upload.");
  });
});

describe("readableIssueError", () => {
  it.each([
    ["Enter the dose. (source.medicines.1.dose)", "Enter the dose. (medicine 2)"],
    ["Enter a title of at least 3 characters. (title)", "Enter a title of at least 3 characters."],
    ["Choose a patient. (patientId)", "Choose a patient."],
    ["A prescription needs a validity date.", "A prescription needs a validity date."],
    ["Too long (over 4000 characters)", "Too long (over 4000 characters)"],
  ])("rewrites %j", (message, expected) => {
    expect(readableIssueError(message)).toBe(expected);
  });
});
