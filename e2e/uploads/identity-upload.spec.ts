import { expect, test } from "../fixtures";
import {
  HARAPAN,
  MITRA,
  appointmentCard,
  chooseFile,
  harapanStaffQueueText,
  identityDocumentCounts,
  jpegBytes,
  pdfBytes,
  pngBytes,
  stagedObjectKeys,
} from "./support";

test("lists upcoming appointments", async ({ patientPage: page }) => {
  const response = await page.goto("/appointments");

  await expect(page.getByRole("heading", { level: 1, name: "Appointments" })).toBeVisible();
  const cards = page.getByRole("article");
  await expect(cards.getByRole("heading", { level: 2 })).toHaveText([HARAPAN, MITRA]);
  await expect(appointmentCard(page, HARAPAN)).toContainText("Internal medicine · Jakarta");
  await expect(appointmentCard(page, MITRA)).toContainText("Pulmonology · Bandung");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  expect(response?.headers()["cache-control"]).toContain("private");
});

test("header links to appointments", async ({ patientPage: page }) => {
  await page.goto("/documents");

  await page.getByRole("navigation").getByRole("link", { name: "Appointments" }).click();

  await expect(page).toHaveURL(/\/appointments$/);
  await expect(page.getByRole("heading", { level: 1, name: "Appointments" })).toBeVisible();
});

for (const sample of [
  { label: "JPEG", name: "ktp-photo.jpg", mimeType: "image/jpeg", bytes: async () => jpegBytes() },
  { label: "PNG", name: "ktp-scan.png", mimeType: "image/png", bytes: async () => pngBytes() },
  { label: "PDF", name: "passport.pdf", mimeType: "application/pdf", bytes: pdfBytes },
]) {
  test(`${sample.label} upload awaits verification`, async ({ browser, patientPage: page }) => {
    const before = await identityDocumentCounts(page);
    await page.goto("/appointments");
    const card = appointmentCard(page, HARAPAN);
    const form = await chooseFile(card, {
      name: sample.name,
      mimeType: sample.mimeType,
      buffer: await sample.bytes(),
    });
    // Holding the POST to S3 keeps the progress bar on screen long enough to check it.
    let releasePost: () => void = () => undefined;
    const postHeld = new Promise<void>((resolve) => (releasePost = resolve));
    await page.route(/\/berkas-documents\/?$/, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      await postHeld;
      await route.continue();
    });

    await form.getByRole("button", { name: "Upload" }).click();

    const progress = form.getByRole("progressbar", { name: `Uploading "${sample.name}"` });
    await expect(progress).toBeVisible();
    await expect(form.getByText(/^\d{1,3}%$/)).toBeVisible();
    await expect(form.getByRole("button", { name: "Cancel upload" })).toBeVisible();
    releasePost();
    await expect(card.getByRole("status")).toHaveText(
      `"${sample.name}" was uploaded. ${HARAPAN} will check it before your appointment.`,
    );
    await expect(card.getByText("Awaiting verification").first()).toBeVisible();
    const uploaded = card.getByRole("list", { name: "Uploaded identity documents" });
    const item = uploaded.getByRole("listitem").filter({ hasText: sample.name });
    await expect(item).toContainText("KTP (Indonesian identity card)");
    await expect(item).toContainText("Awaiting verification");
    expect(await stagedObjectKeys()).toEqual([]);

    await page.reload();
    await expect(
      appointmentCard(page, HARAPAN).getByRole("listitem").filter({ hasText: sample.name }),
    ).toContainText("Awaiting verification");
    const after = await identityDocumentCounts(page);
    expect(after.total).toBe(before.total + 1);
    expect(after.awaitingVerification).toBe(before.awaitingVerification + 1);
    const queue = await harapanStaffQueueText(browser);
    if (queue !== null) expect(queue).toContain(sample.name);
  });
}

test("passport type is recorded", async ({ patientPage: page }) => {
  await page.goto("/appointments");
  const card = appointmentCard(page, MITRA);
  const form = await chooseFile(
    card,
    { name: "paspor.png", mimeType: "image/png", buffer: pngBytes() },
    "Passport",
  );

  await form.getByRole("button", { name: "Upload" }).click();

  await expect(card.getByRole("status")).toContainText('"paspor.png" was uploaded.');
  const item = card.getByRole("listitem").filter({ hasText: "paspor.png" });
  await expect(item).toContainText("Passport");
  await expect(card.getByText("Awaiting verification").first()).toBeVisible();
});
