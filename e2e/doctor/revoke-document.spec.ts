import { expect, signInAs, test } from "../fixtures";
import {
  PATIENT,
  daysFromNow,
  issuePrescription,
  pageAs,
  patientItem,
  uniqueTitle,
} from "./support";

test("revoked prescription has no link", async ({ browser, page }) => {
  await signInAs(page, "doctor");
  const title = uniqueTitle("Metformin 500 mg");
  const documentId = await issuePrescription(page, { title, validUntil: daysFromNow(30) });
  const patientPage = await pageAs(browser, "otherPatient");
  await expect(
    (await patientItem(patientPage, title)).getByRole("link", { name: /^Open/ }),
  ).toBeVisible();

  await page.goto("/doctor");
  const row = page.getByRole("row").filter({ hasText: title });
  await row.getByRole("button", { name: `Revoke ${title}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke “${title}”?` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Reason").fill("Dose changed after the lab results");
  await dialog.getByRole("button", { name: "Revoke document" }).click();

  await expect(page).toHaveURL(new RegExp(`/doctor\\?revoked=${documentId}$`));
  await expect(page.getByRole("status")).toHaveText(
    `“${title}” was revoked. ${PATIENT.name} can no longer open it.`,
  );
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  const item = await patientItem(patientPage, title);
  await expect(item.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(item).toContainText("Revoked by its author. It can no longer be opened.");
  await expect(item.getByRole("link")).toHaveCount(0);
  const stable = await patientPage.request.get(`/documents/${documentId}`, { maxRedirects: 0 });
  expect(stable.status()).toBe(403);
});

test("revoking needs a reason", async ({ page }) => {
  await signInAs(page, "doctor");
  const title = uniqueTitle("Omeprazole 20 mg");
  await issuePrescription(page, { title, validUntil: daysFromNow(7) });
  const row = page.getByRole("row").filter({ hasText: title });

  await row.getByRole("button", { name: `Revoke ${title}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke “${title}”?` });
  await dialog.getByRole("button", { name: "Revoke document" }).click();

  const reason = dialog.getByLabel("Reason");
  expect(await reason.evaluate((field: HTMLTextAreaElement) => field.validity.valueMissing)).toBe(
    true,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
});
