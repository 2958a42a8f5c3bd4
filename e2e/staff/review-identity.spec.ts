import { demoUser } from "@/scripts/seed/demo-data";

import { pageAs } from "../doctor/support";
import { expect, test } from "../fixtures";

import { HARAPAN, MITRA, reviewPathOf, uploadIdentityDocument } from "./support";

/** Decodes the custom policy of a signed URL (CloudFront base64: `-`, `_`, `~` for `+`, `=`, `/`). */
function policyOf(url: string): unknown {
  const encoded = new URL(url).searchParams.get("Policy") ?? "";
  const base64 = encoded.replaceAll("-", "+").replaceAll("_", "=").replaceAll("~", "/");
  return JSON.parse(Buffer.from(base64, "base64").toString("utf8"));
}

// Uploads at Harapan come from the seeded patient, whose Harapan appointment no spec verifies,
// and the one verification uses the other patient's Mitra appointment (see ./support.ts).
const HARAPAN_PATIENT = demoUser("patient").name;
const MITRA_PATIENT = demoUser("otherPatient").name;

test("staff rejects a passport PDF with a reason", async ({ browser }) => {
  const patientPage = await pageAs(browser, "patient");
  const fileName = await uploadIdentityDocument(patientPage, "pdf", HARAPAN);
  const staffPage = await pageAs(browser, "staffHarapan");
  const path = await reviewPathOf(staffPage, fileName);

  const pdfResponse = staffPage.waitForResponse((response) =>
    response.url().includes("Signature="),
  );
  await staffPage.goto(path);
  const frame = staffPage.locator(`iframe[title="Passport of ${HARAPAN_PATIENT}"]`);
  await expect(frame).toBeVisible();
  const edge = await pdfResponse;
  expect(edge.status()).toBe(200);
  expect(edge.headers()["content-type"]).toBe("application/pdf");
  expect(edge.headers()["content-disposition"]).toContain(`inline; filename="${fileName}"`);

  await staffPage.getByRole("button", { name: "Reject", exact: true }).click();
  const reason = staffPage.getByLabel("Reason for rejecting");
  expect(await reason.evaluate((field: HTMLTextAreaElement) => field.validity.valueMissing)).toBe(
    true,
  );
  await reason.fill("The passport expired in 2025");
  await staffPage.getByRole("button", { name: "Reject", exact: true }).click();

  await expect(staffPage).toHaveURL(/\/staff\?decided=rejected$/);
  await expect(staffPage.getByRole("row").filter({ hasText: fileName })).toHaveCount(0);
  expect((await staffPage.goto(path))?.status()).toBe(404);
  await patientPage.goto("/documents");
  const item = patientPage
    .getByRole("region", { name: "Identity documents" })
    .getByRole("listitem")
    .filter({ hasText: "Passport" })
    .filter({ hasText: "Rejected" });
  await expect(item.first()).toBeVisible();
});

test("other hospital's staff cannot review it", async ({ browser }) => {
  const patientPage = await pageAs(browser, "patient");
  const fileName = await uploadIdentityDocument(patientPage, "png", HARAPAN);
  const harapanPage = await pageAs(browser, "staffHarapan");
  const path = await reviewPathOf(harapanPage, fileName);

  const mitraPage = await pageAs(browser, "staffMitra");
  await mitraPage.goto("/staff");
  await expect(mitraPage.getByRole("heading", { name: "Verification queue" })).toBeVisible();
  await expect(mitraPage.getByText(fileName)).toHaveCount(0);
  const foreign = await mitraPage.goto(path);
  expect(foreign?.status()).toBe(404);
  await expect(mitraPage.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // Decide it, so no pending document is left for other specs' queues.
  await harapanPage.goto(path);
  await harapanPage.getByLabel("Reason for rejecting").fill("Uploaded twice by mistake");
  await harapanPage.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(harapanPage).toHaveURL(/\/staff\?decided=rejected$/);
});

test("staff verifies an identity photo", async ({ browser }) => {
  const patientPage = await pageAs(browser, "otherPatient");
  const fileName = await uploadIdentityDocument(patientPage, "png", MITRA);
  const staffPage = await pageAs(browser, "staffMitra");
  const path = await reviewPathOf(staffPage, fileName);
  const row = staffPage.getByRole("row").filter({ hasText: fileName });
  await expect(row).toContainText(MITRA_PATIENT);
  await expect(row).toContainText("KTP (Indonesian identity card)");
  await expect(row).toContainText("Pulmonology");

  const imageResponse = staffPage.waitForResponse((response) =>
    response.url().includes("Signature="),
  );
  const response = await staffPage.goto(path);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  const image = staffPage.getByRole("img", {
    name: `KTP (Indonesian identity card) of ${MITRA_PATIENT}`,
  });
  await expect(image).toBeVisible();
  const edge = await imageResponse;
  expect(edge.status()).toBe(200);
  expect(edge.headers()["content-type"]).toBe("image/png");
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBe(320);
  // playwright.config.ts turns STAFF_IP_BINDING on, so the image loaded through a link bound
  // to the browser's address.
  expect(policyOf((await image.getAttribute("src")) ?? "")).toEqual({
    Statement: [
      {
        Resource: (await image.getAttribute("src"))?.split("?")[0],
        Condition: {
          DateLessThan: { "AWS:EpochTime": expect.any(Number) },
          IpAddress: { "AWS:SourceIp": "127.0.0.1/32" },
        },
      },
    ],
  });
  await expect(staffPage.getByText("Viewing link expires")).toBeVisible();

  await staffPage.getByRole("button", { name: "Verify identity" }).click();

  await expect(staffPage).toHaveURL(/\/staff\?decided=verified$/);
  await expect(staffPage.getByRole("status")).toHaveText(
    "The identity document was verified and has left the queue.",
  );
  await expect(staffPage.getByRole("row").filter({ hasText: fileName })).toHaveCount(0);
  const reopened = await staffPage.goto(path);
  expect(reopened?.status()).toBe(404);
});
