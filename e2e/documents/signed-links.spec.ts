import { randomUUID } from "node:crypto";

import { ACCESS_DENIED_BODY, expect, signInAs, test } from "../fixtures";

async function openHref(page: import("@playwright/test").Page, title: string): Promise<string> {
  await page.goto("/documents");
  const item = page.getByRole("listitem").filter({ hasText: title });
  const href = await item.getByRole("link", { name: /^Open/ }).getAttribute("href");
  if (!href) throw new Error(`No link for ${title}`);
  return href;
}

test("tampered link is denied", async ({ patientPage: page }) => {
  const href = await openHref(page, "Amlodipine 5 mg");
  const url = new URL(href);
  const signature = url.searchParams.get("Signature")!;
  const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;

  const response = await page.request.get(href.replace(signature, flipped));

  expect(response.status()).toBe(403);
  expect(await response.text()).toBe(ACCESS_DENIED_BODY);
});

test("link to another object is denied", async ({ patientPage: page }) => {
  const href = await openHref(page, "Amlodipine 5 mg");
  const url = new URL(href);
  const otherPath = url.pathname.replace(/[0-9a-f]$/, (digit) => (digit === "0" ? "1" : "0"));

  const response = await page.request.get(`${url.origin}${otherPath}${url.search}`);

  expect(response.status()).toBe(403);
  expect(await response.text()).toBe(ACCESS_DENIED_BODY);
});

test("expired link is denied", async ({ patientPage: page }) => {
  const href = await openHref(page, "Invoice INV-2026-11-0412");
  const fresh = await page.request.get(href);
  expect(fresh.status()).toBe(200);

  // Invoice links live 4 seconds in the end-to-end stack.
  await expect
    .poll(async () => (await page.request.get(href)).status(), { timeout: 15_000 })
    .toBe(403);
  const expired = await page.request.get(href);
  expect(await expired.text()).toBe(ACCESS_DENIED_BODY);
});

test("stable address mints a fresh link", async ({ patientPage: page }) => {
  await page.goto("/documents");
  const item = page.getByRole("listitem").filter({ hasText: "Amlodipine 5 mg" });
  const stable = await item
    .getByRole("link", { name: "Amlodipine 5 mg for blood pressure", exact: true })
    .getAttribute("href");

  const response = await page.request.get(stable!, { maxRedirects: 0 });

  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toContain("Signature=");
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test("other patient's document is not found", async ({ browser, patientPage: page }) => {
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signInAs(otherPage, "otherPatient");
  await otherPage.goto("/documents");
  const foreign = await otherPage
    .getByRole("listitem")
    .filter({ hasText: "Salbutamol inhaler" })
    .getByRole("link", { name: "Salbutamol inhaler 100 mcg", exact: true })
    .getAttribute("href");
  await otherContext.close();

  const foreignResponse = await page.request.get(foreign!, { maxRedirects: 0 });
  const unknownResponse = await page.request.get(`/documents/${randomUUID()}`, {
    maxRedirects: 0,
  });

  expect(foreignResponse.status()).toBe(404);
  expect(unknownResponse.status()).toBe(404);
  expect(await foreignResponse.text()).toBe(await unknownResponse.text());
});
