import { expect, test } from "../fixtures";
import {
  HARAPAN,
  appointmentCard,
  chooseFile,
  harapanStaffQueueText,
  identityDocumentCounts,
  jpegBytes,
  stagedObjectKeys,
} from "./support";

test("failed POST leaves nothing behind", async ({ browser, patientPage: page }) => {
  const before = await identityDocumentCounts(page);
  await page.goto("/appointments");
  const card = appointmentCard(page, HARAPAN);
  const form = await chooseFile(card, {
    name: "ktp-dropped.jpg",
    mimeType: "image/jpeg",
    buffer: jpegBytes(),
  });
  await page.route(/\/berkas-documents\/?$/, (route) =>
    route.request().method() === "POST" ? route.abort("connectionreset") : route.continue(),
  );

  await form.getByRole("button", { name: "Upload" }).click();

  await expect(card.getByRole("alert")).toHaveText(
    'The upload of "ktp-dropped.jpg" did not finish, so nothing was saved. Check your ' +
      "internet connection and try again.",
  );
  await expect(form.getByRole("button", { name: "Upload" })).toBeEnabled();
  await page.reload();
  await expect(appointmentCard(page, HARAPAN)).not.toContainText("ktp-dropped.jpg");
  expect(await identityDocumentCounts(page)).toEqual(before);
  expect(await stagedObjectKeys()).toEqual([]);
  const queue = await harapanStaffQueueText(browser);
  if (queue !== null) expect(queue).not.toContain("ktp-dropped.jpg");
});

test("cancel aborts a running upload", async ({ browser, patientPage: page }) => {
  const before = await identityDocumentCounts(page);
  await page.goto("/appointments");
  const card = appointmentCard(page, HARAPAN);
  const form = await chooseFile(card, {
    name: "ktp-slow.jpg",
    mimeType: "image/jpeg",
    buffer: jpegBytes(6 * 1024 * 1024),
  });
  // 6 MB at 256 KB/s takes about 24 s, so the upload is still running when it is cancelled.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  });

  await form.getByRole("button", { name: "Upload" }).click();
  const progress = form.getByRole("progressbar", { name: 'Uploading "ktp-slow.jpg"' });
  await expect(progress).toBeVisible();
  await expect
    .poll(() => progress.evaluate((element) => (element as HTMLProgressElement).value))
    .toBeGreaterThan(0);
  expect(await progress.evaluate((element) => (element as HTMLProgressElement).value)).toBeLessThan(
    100,
  );
  await form.getByRole("button", { name: "Cancel upload" }).click();

  await expect(card.getByRole("status")).toHaveText(
    'Upload of "ktp-slow.jpg" cancelled. Nothing was saved.',
  );
  await expect(progress).toHaveCount(0);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.reload();
  await expect(appointmentCard(page, HARAPAN)).not.toContainText("ktp-slow.jpg");
  expect(await identityDocumentCounts(page)).toEqual(before);
  expect(await stagedObjectKeys()).toEqual([]);
  const queue = await harapanStaffQueueText(browser);
  if (queue !== null) expect(queue).not.toContain("ktp-slow.jpg");
});
