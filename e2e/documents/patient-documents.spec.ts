import { BUDI_DOCUMENTS, SITI_DOCUMENTS } from "@/scripts/seed/catalogue";

import { EDGE_ORIGIN, expect, test } from "../fixtures";

const GROUPS = [
  { heading: "Prescriptions", kind: "prescription" },
  { heading: "Lab reports", kind: "lab_report" },
  { heading: "Invoices", kind: "invoice" },
  { heading: "Doctor notes", kind: "doctor_note" },
] as const;

test("lists documents grouped by kind, newest first", async ({ patientPage: page }) => {
  await page.goto("/documents");

  for (const group of GROUPS) {
    const section = page.getByRole("region", { name: group.heading });
    const expected = SITI_DOCUMENTS.filter((document) => document.kind === group.kind)
      .toSorted((a, b) => a.issuedDaysAgo - b.issuedDaysAgo)
      .map((document) => document.title);
    await expect(section.getByRole("heading", { level: 3 })).toHaveText(expected);
  }
});

test("shows none of the other patient's documents", async ({ patientPage: page }) => {
  await page.goto("/documents");
  await expect(page.getByRole("heading", { name: "Prescriptions" })).toBeVisible();

  const html = await page.content();
  for (const document of BUDI_DOCUMENTS) {
    expect(html, document.title).not.toContain(document.title);
  }
});

test("page is private, uncached and sends no referrer", async ({ patientPage: page }) => {
  const response = await page.goto("/documents");

  const cacheControl = response?.headers()["cache-control"] ?? "";
  expect(cacheControl).toContain("private");
  expect(cacheControl).toContain("no-store");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
});

test("each link shows when it expires", async ({ patientPage: page }) => {
  await page.goto("/documents");

  const item = page.getByRole("listitem").filter({ hasText: "Amlodipine 5 mg" });
  await expect(item.getByText(/Link expires at \d{2}:\d{2}:\d{2}/)).toBeVisible();
});

test("expired prescription offers no link", async ({ patientPage: page }) => {
  await page.goto("/documents");

  const item = page.getByRole("listitem").filter({ hasText: "Amoxicillin 500 mg" });
  await expect(item.getByText("Expired", { exact: true })).toBeVisible();
  await expect(item.getByRole("link", { name: /^Open/ })).toHaveCount(0);
});

test("opening a prescription delivers its PDF", async ({ patientPage: page }) => {
  await page.goto("/documents");
  const item = page.getByRole("listitem").filter({ hasText: "Amlodipine 5 mg" });
  const open = item.getByRole("link", { name: /^Open/ });
  const href = await open.getAttribute("href");
  expect(href?.startsWith(`${EDGE_ORIGIN}/documents/`)).toBe(true);
  expect(href).toContain("Signature=");

  const edgeResponse = page.context().waitForEvent("response", {
    predicate: (response) => response.url() === href,
  });
  await open.click();
  const response = await edgeResponse;

  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain("Resep%20Amlodipine");
  const direct = await page.request.get(href!);
  const bytes = await direct.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBe(Number(response.headers()["content-length"]));
});
