import { expect, test } from "../fixtures";
import {
  HARAPAN,
  appointmentCard,
  chooseFile,
  elfBytes,
  identityDocumentCounts,
  pdfBytes,
  pngBytes,
  stagedObjectKeys,
} from "./support";

test("11 MB file is stopped in the browser", async ({ patientPage: page }) => {
  const before = await identityDocumentCounts(page);
  await page.goto("/appointments");
  const card = appointmentCard(page, HARAPAN);
  let postsToStore = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/berkas-documents")) {
      postsToStore += 1;
    }
  });
  const pdf = await pdfBytes();
  const buffer = Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024 - pdf.length, 0x20)]);
  const form = await chooseFile(card, {
    name: "ktp-large.pdf",
    mimeType: "application/pdf",
    buffer,
  });
  const message = `"ktp-large.pdf" is 11 MB, more than the 10 MB limit. Upload a smaller scan or photo.`;

  await expect(form.getByText(message)).toBeVisible();
  await form.getByRole("button", { name: "Upload" }).click();

  await expect(form.getByText(message)).toBeVisible();
  await expect(form.getByLabel("Photo or scan")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("progressbar")).toHaveCount(0);
  expect(postsToStore).toBe(0);
  await expect(card.getByText("ktp-large.pdf", { exact: true })).toHaveCount(0);
  expect(await identityDocumentCounts(page)).toEqual(before);
});

test("unsupported type is stopped in the browser", async ({ patientPage: page }) => {
  await page.goto("/appointments");
  const card = appointmentCard(page, HARAPAN);

  const form = await chooseFile(card, {
    name: "ktp.heic",
    mimeType: "image/heic",
    buffer: Buffer.alloc(2048, 1),
  });

  await expect(
    form.getByText(
      '"ktp.heic" is not a JPEG, PNG or PDF file. Scan or photograph your document and ' +
        "upload it in one of those formats.",
    ),
  ).toBeVisible();
});

test("executable renamed to .pdf is rejected", async ({ patientPage: page }) => {
  const before = await identityDocumentCounts(page);
  await page.goto("/appointments");
  const card = appointmentCard(page, HARAPAN);
  const form = await chooseFile(card, {
    name: "ktp-elf.pdf",
    mimeType: "application/pdf",
    buffer: elfBytes(),
  });

  await form.getByRole("button", { name: "Upload" }).click();

  await expect(card.getByRole("alert")).toHaveText(
    '"ktp-elf.pdf" is a program, not a PDF document. Upload a scan or photo of your document.',
  );
  expect(await stagedObjectKeys()).toEqual([]);
  await page.reload();
  await expect(appointmentCard(page, HARAPAN)).not.toContainText("ktp-elf.pdf");
  expect(await identityDocumentCounts(page)).toEqual(before);
});

test("PNG declared as PDF is rejected", async ({ patientPage: page }) => {
  const before = await identityDocumentCounts(page);
  await page.goto("/appointments");
  const card = appointmentCard(page, HARAPAN);
  const form = await chooseFile(card, {
    name: "scan.pdf",
    mimeType: "application/pdf",
    buffer: pngBytes(),
  });

  await form.getByRole("button", { name: "Upload" }).click();

  await expect(card.getByRole("alert")).toHaveText(
    '"scan.pdf" is a PNG image, but it was sent as a PDF document. Choose the file again so ' +
      "its type is detected correctly.",
  );
  expect(await stagedObjectKeys()).toEqual([]);
  await page.reload();
  await expect(appointmentCard(page, HARAPAN)).not.toContainText("scan.pdf");
  expect(await identityDocumentCounts(page)).toEqual(before);
});
