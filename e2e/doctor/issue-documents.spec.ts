import { PDFDocument, StandardFonts } from "pdf-lib";

import { expect, signInAs, test } from "../fixtures";
import {
  HOSPITAL,
  PATIENT,
  daysFromNow,
  fillPrescription,
  issuePrescription,
  pageAs,
  patientItem,
  uniqueTitle,
  wibInputs,
} from "./support";

async function notePdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([420, 595]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 40, y: 540, size: 14, font });
  return Buffer.from(await document.save());
}

test("issued prescription opens for the patient", async ({ browser, page }) => {
  await signInAs(page, "doctor");
  const title = uniqueTitle("Amoxicillin 500 mg");

  const documentId = await issuePrescription(page, { title, validUntil: daysFromNow(14) });

  await expect(page.getByRole("status")).toHaveText(
    `Your prescription “${title}” was issued to ${PATIENT.name}, who can open it now.`,
  );
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(PATIENT.name);
  await expect(row).toContainText("Prescription");
  await expect(row.getByText("Active", { exact: true })).toBeVisible();

  const patientPage = await pageAs(browser, "otherPatient");
  const item = await patientItem(patientPage, title);
  await expect(item).toContainText("dr. Anisa Putri, Sp.PD");
  const href = await item.getByRole("link", { name: /^Open/ }).getAttribute("href");
  expect(href).toContain("Signature=");
  const file = await patientPage.request.get(href ?? "");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect((await file.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const stable = await patientPage.request.get(`/documents/${documentId}`, { maxRedirects: 0 });
  expect(stable.status()).toBe(303);
});

test("form error keeps the typed values", async ({ page }) => {
  await signInAs(page, "doctor");
  const title = uniqueTitle("Cetirizine 10 mg");
  const validUntil = daysFromNow(10);
  await fillPrescription(page, { title, validUntil, instructions: "Take one each evening." });

  await page.getByRole("button", { name: "Issue prescription" }).click();

  await expect(page.getByText("Add at least one medicine to the prescription.")).toBeVisible();
  await expect(page).toHaveURL(/\/doctor\/issue$/);
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await expect(page.getByLabel("Validity date")).toHaveValue(wibInputs(validUntil).date);
  await expect(page.getByLabel("Instructions for the patient")).toHaveValue(
    "Take one each evening.",
  );
  const patient = page.getByRole("combobox", { name: "Patient" });
  expect(
    await patient.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text),
  ).toBe(`${PATIENT.name} (${PATIENT.email})`);
});

test("medicine error names its row", async ({ page }) => {
  await signInAs(page, "doctor");
  await fillPrescription(page, {
    title: uniqueTitle("Cetirizine 10 mg"),
    validUntil: daysFromNow(10),
    medicines: [
      { name: "Cetirizine 10 mg", dose: "1 tablet each evening", quantity: "10" },
      { name: "Loratadine 10 mg", dose: "" },
    ],
  });

  await page.getByRole("button", { name: "Issue prescription" }).click();

  await expect(page.getByText("Enter the dose. (medicine 2)")).toBeVisible();
  await expect(page.getByLabel("Medicine 2", { exact: true })).toHaveValue("Loratadine 10 mg");
  await expect(page.getByLabel("Dose 1", { exact: true })).toHaveValue("1 tablet each evening");
});

test("doctor note uploads as a PDF", async ({ browser, page }) => {
  await signInAs(page, "doctor");
  const title = uniqueTitle("Sick note");
  const pdf = await notePdf(`Sick note for ${PATIENT.name}: three days of rest.`);
  await page.goto("/doctor/issue");
  await page
    .getByRole("combobox", { name: "Patient" })
    .selectOption({ label: `${PATIENT.name} (${PATIENT.email})` });
  await page.getByRole("combobox", { name: "Issuing hospital" }).selectOption({ label: HOSPITAL });
  await page.getByRole("radio", { name: /^Doctor note/ }).check();
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("radio", { name: /^Upload a PDF/ }).check();
  await page
    .getByLabel("PDF file")
    .setInputFiles({ name: "surat-sakit.pdf", mimeType: "application/pdf", buffer: pdf });

  await page.getByRole("button", { name: "Issue doctor note" }).click();

  await expect(page.getByRole("status")).toHaveText(
    `Your doctor note “${title}” was issued to ${PATIENT.name}, who can open it now.`,
  );
  const patientPage = await pageAs(browser, "otherPatient");
  const item = await patientItem(patientPage, title);
  const href = await item.getByRole("link", { name: /^Open/ }).getAttribute("href");
  const file = await patientPage.request.get(href ?? "");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toContain("surat-sakit.pdf");
  expect(Buffer.compare(await file.body(), pdf)).toBe(0);
});

test("upload that is no PDF is rejected", async ({ page }) => {
  await signInAs(page, "doctor");
  const title = uniqueTitle("Referral letter");
  await page.goto("/doctor/issue");
  await page
    .getByRole("combobox", { name: "Patient" })
    .selectOption({ label: `${PATIENT.name} (${PATIENT.email})` });
  await page.getByRole("combobox", { name: "Issuing hospital" }).selectOption({ label: HOSPITAL });
  await page.getByRole("radio", { name: /^Doctor note/ }).check();
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("radio", { name: /^Upload a PDF/ }).check();
  // Declared as a PDF, so only the server's check of the bytes can catch it.
  await page.getByLabel("PDF file").setInputFiles({
    name: "letter.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("GIF89a not a PDF at all"),
  });

  await page.getByRole("button", { name: "Issue doctor note" }).click();

  await expect(page.getByText(`"letter.pdf" is not a PDF. Upload a PDF file.`)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await page.goto("/doctor");
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
});
