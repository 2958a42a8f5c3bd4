import { expect, signInAs, test } from "../fixtures";
import { issuePrescription, pageAs, patientItem, uniqueTitle } from "./support";

/** Long enough to issue the prescription and load the patient's page before it ends. */
const VALIDITY_MS = 8_000;

test("prescription expires while its page is open", async ({ browser, page }) => {
  await signInAs(page, "doctor");
  const patientPage = await pageAs(browser, "otherPatient");
  const title = uniqueTitle("Paracetamol 500 mg");
  const validUntil = new Date(Date.now() + VALIDITY_MS);

  await issuePrescription(page, { title, validUntil });

  const item = await patientItem(patientPage, title);
  await expect(item.getByRole("link", { name: /^Open/ })).toBeVisible();
  await expect
    .poll(
      async () => {
        await patientPage.reload();
        return item.getByText("Expired", { exact: true }).count();
      },
      { timeout: VALIDITY_MS + 10_000 },
    )
    .toBe(1);
  await expect(item).toContainText("Expired. It can no longer be opened.");
  await expect(item.getByRole("link")).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: title });
  await page.reload();
  await expect(row.getByText("Expired", { exact: true })).toBeVisible();
});
