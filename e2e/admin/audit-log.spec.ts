import type { Page } from "@playwright/test";

import { expect, signInAs, test } from "../fixtures";
import {
  daysFromNow,
  issuePrescription,
  pageAs,
  patientItem,
  uniqueTitle,
} from "../doctor/support";
import { HARAPAN, reviewPathOf, uploadIdentityDocument } from "../staff/support";

const DOCTOR_NAME = "dr. Anisa Putri, Sp.PD";

/** Returns the action of each row of the audit table, top to bottom. */
async function actionsShown(page: Page): Promise<string[]> {
  return page.getByRole("row").locator("td:nth-child(3)").allInnerTexts();
}

test("admin sees a document's history", async ({ browser, page }) => {
  const doctorPage = await pageAs(browser, "doctor");
  const title = uniqueTitle("Atorvastatin 20 mg");
  const documentId = await issuePrescription(doctorPage, { title, validUntil: daysFromNow(30) });
  const patientPage = await pageAs(browser, "otherPatient");
  await expect(
    (await patientItem(patientPage, title)).getByRole("link", { name: /^Open/ }),
  ).toBeVisible();
  await doctorPage.goto("/doctor");
  await doctorPage.getByRole("button", { name: `Revoke ${title}` }).click();
  const dialog = doctorPage.getByRole("dialog", { name: `Revoke “${title}”?` });
  await dialog.getByLabel("Reason").fill("Replaced by a lower dose");
  await dialog.getByRole("button", { name: "Revoke document" }).click();
  await expect(doctorPage).toHaveURL(/\/doctor\?revoked=/);
  await signInAs(page, "admin");

  await page.goto("/admin/audit");
  await page.getByLabel("Document id").fill(documentId);
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(`/admin/audit?documentId=${documentId}`);
  expect(await actionsShown(page)).toEqual(["document.revoked", "link.minted", "document.issued"]);
  const revoked = page.getByRole("row").filter({ hasText: "document.revoked" });
  await expect(revoked).toContainText(DOCTOR_NAME);
  await expect(revoked).toContainText("dr.anisa@berkas.test");
  await expect(revoked).toContainText("reason: Replaced by a lower dose");
  await expect(revoked).toContainText("127.0.0.1");
  const minted = page.getByRole("row").filter({ hasText: "link.minted" });
  await expect(minted).toContainText("Budi Santoso");
  await expect(minted).toContainText("policyType: canned");
  await expect(minted).not.toContainText("Signature");
  const issued = page.getByRole("row").filter({ hasText: "document.issued" });
  // PostgreSQL's jsonb keeps its own key order, so each pair is checked on its own.
  await expect(issued).toContainText("kind: prescription");
  await expect(issued).toContainText("source: form");

  await page.getByLabel("Action").selectOption("document.issued");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(`/admin/audit?action=document.issued&documentId=${documentId}`);
  expect(await actionsShown(page)).toEqual(["document.issued"]);
});

test("admin sees verification decisions", async ({ browser, page }) => {
  // The seeded patient's Harapan appointment is never verified, so it always takes uploads.
  const patientPage = await pageAs(browser, "patient");
  const fileName = await uploadIdentityDocument(patientPage, "png", HARAPAN);
  const staffPage = await pageAs(browser, "staffHarapan");
  const reviewPath = await reviewPathOf(staffPage, fileName);
  const documentId = reviewPath.split("/").at(-1) ?? "";
  await staffPage.goto(reviewPath);
  await staffPage.getByLabel("Reason for rejecting").fill("The photo is too dark to read");
  await staffPage.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(staffPage).toHaveURL(/\/staff\?decided=rejected$/);
  await signInAs(page, "admin");

  await page.goto(`/admin/audit?documentId=${documentId}`);

  const actions = await actionsShown(page);
  expect(actions.slice(0, 2)).toEqual(["verification.decided", "link.minted"]);
  const decided = page.getByRole("row").filter({ hasText: "verification.decided" });
  await expect(decided).toContainText("Rina Wulandari");
  await expect(decided).toContainText("decision: rejected");
  await expect(decided).toContainText("reason: The photo is too dark to read");
  const minted = page.getByRole("row").filter({ hasText: "link.minted" });
  await expect(minted).toContainText("policyType: custom");
  // playwright.config.ts turns STAFF_IP_BINDING on.
  await expect(minted).toContainText("ipBound: true");
});

test("older events page backwards", async ({ browser, page }) => {
  const patientPage = await pageAs(browser, "otherPatient");
  // Each visit mints a link per openable document (four seeded ones at least), so these
  // visits alone fill more than one page of 50.
  for (let visit = 0; visit < 14; visit++) await patientPage.goto("/documents");
  await signInAs(page, "admin");
  await page.goto("/admin/audit?action=link.minted");
  const firstPage = await page
    .locator("tbody time")
    .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
  expect(firstPage).toHaveLength(50);

  await page.getByRole("link", { name: "Older →" }).click();

  await expect(page).toHaveURL(/\/admin\/audit\?action=link.minted&beforeId=\d+$/);
  await expect(page.getByLabel("Action")).toHaveValue("link.minted");
  const secondPage = await page
    .locator("tbody time")
    .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
  expect(secondPage.length).toBeGreaterThan(0);
  expect((secondPage[0] ?? "") <= (firstPage.at(-1) ?? "")).toBe(true);
  expect(await actionsShown(page)).toEqual(secondPage.map(() => "link.minted"));
  await expect(page.getByRole("link", { name: "← Newest" })).toBeVisible();
});

test("invalid filter shows its error", async ({ page }) => {
  await signInAs(page, "admin");

  await page.goto("/admin/audit?documentId=12345");

  await expect(
    page.getByText(`"12345" is not a document id. Document ids are UUIDs.`),
  ).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

for (const [user, home] of [
  ["patient", "/documents"],
  ["doctor", "/doctor"],
  ["staffHarapan", "/staff"],
] as const) {
  test(`${user} is sent away from the audit log`, async ({ page }) => {
    await signInAs(page, user);

    await page.goto("/admin/audit?action=link.minted");

    await expect(page).toHaveURL(home);
    await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
  });
}

test("anonymous visitor is sent to sign in", async ({ page }) => {
  await page.goto("/admin/audit");

  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Faudit$/);
});
