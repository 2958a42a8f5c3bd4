import { randomUUID } from "node:crypto";

import type { Browser, Page } from "@playwright/test";

import { DEMO_HOSPITALS, demoUser, type DemoUserKey } from "@/scripts/seed/demo-data";

import { expect, signInAs, test } from "../fixtures";

/** The patient these specs issue to, so the seeded patient's lists stay as the seed made them. */
export const PATIENT = demoUser("otherPatient");
export const HOSPITAL = `${DEMO_HOSPITALS[0].name}, ${DEMO_HOSPITALS[0].city}`;

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Returns a WIB date input value and time input value for an instant. */
export function wibInputs(instant: Date): { date: string; time: string } {
  const text = new Date(instant.getTime() + WIB_OFFSET_MS).toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 19) };
}

/** Returns a title no other test or seeded document uses. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

/** Opens a page in a new browser context, signed in as a demo user. */
export async function pageAs(browser: Browser, user: DemoUserKey): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signInAs(page, user);
  return page;
}

export interface PrescriptionForm {
  title: string;
  validUntil: Date;
  medicines?: Array<{ name: string; dose: string; quantity?: string }>;
  instructions?: string;
}

/** Fills the issue form's patient, hospital and prescription fields without submitting. */
export async function fillPrescription(page: Page, form: PrescriptionForm): Promise<void> {
  await page.goto("/doctor/issue");
  await page
    .getByRole("combobox", { name: "Patient" })
    .selectOption({ label: `${PATIENT.name} (${PATIENT.email})` });
  await page.getByRole("combobox", { name: "Issuing hospital" }).selectOption({ label: HOSPITAL });
  await page.getByRole("radio", { name: /^Prescription/ }).check();
  await page.getByRole("textbox", { name: "Title" }).fill(form.title);
  const validity = wibInputs(form.validUntil);
  await page.getByLabel("Validity date").fill(validity.date);
  await page.getByLabel("Validity time").fill(validity.time);
  for (const [index, medicine] of (form.medicines ?? []).entries()) {
    await page.getByLabel(`Medicine ${index + 1}`, { exact: true }).fill(medicine.name);
    await page.getByLabel(`Dose ${index + 1}`, { exact: true }).fill(medicine.dose);
    await page.getByLabel(`Quantity ${index + 1}`, { exact: true }).fill(medicine.quantity ?? "");
  }
  if (form.instructions) {
    await page.getByLabel("Instructions for the patient").fill(form.instructions);
  }
}

/**
 * Issues a prescription to PATIENT through the issue form and returns its document id, read
 * from the address /doctor redirects to.
 */
export async function issuePrescription(page: Page, form: PrescriptionForm): Promise<string> {
  await fillPrescription(page, {
    medicines: [{ name: "Amoxicillin 500 mg", dose: "1 capsule 3 times a day", quantity: "21" }],
    ...form,
  });
  await page.getByRole("button", { name: "Issue prescription" }).click();
  await page.waitForURL(/\/doctor\?issued=/);
  const documentId = new URL(page.url()).searchParams.get("issued");
  expect(documentId, "document id in the redirect").toMatch(/^[0-9a-f-]{36}$/);
  return documentId ?? "";
}

/** Returns the patient's list item of a document on /documents, loading the page first. */
export async function patientItem(page: Page, title: string) {
  await page.goto("/documents");
  return page.getByRole("listitem").filter({ hasText: title });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns the instant `days` from now, for validity dates. */
export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY_MS);
}
