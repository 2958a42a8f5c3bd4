import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Browser, Locator, Page } from "@playwright/test";

import { E2E_PORTS } from "@/playwright.config";
import { DEMO_HOSPITALS } from "@/scripts/seed/demo-data";
import { encodePng } from "@/scripts/seed/png";

import { expect, signInAs, test } from "../fixtures";

/** The two seeded appointments of the demo patient, by hospital name. */
export const HARAPAN = DEMO_HOSPITALS[0].name;
export const MITRA = DEMO_HOSPITALS[1].name;

/** Encodes a real PNG: a pale card with a darker photo block, like a photo of an ID card. */
export function pngBytes(): Buffer {
  const png = encodePng({
    width: 320,
    height: 200,
    pixel: (x, y) => (x > 20 && x < 110 && y > 40 && y < 160 ? [90, 110, 140] : [225, 235, 245]),
  });
  return Buffer.from(png);
}

/**
 * Builds a JPEG the portal accepts: the SOI and JFIF APP0 markers, filler and EOI. Nothing
 * in the upload path decodes images, so only the leading signature has to be right.
 */
export function jpegBytes(sizeBytes = 180 * 1024): Buffer {
  const head = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00,
  ]);
  const tail = Buffer.from([0xff, 0xd9]);
  return Buffer.concat([head, Buffer.alloc(sizeBytes - head.length - tail.length, 0x80), tail]);
}

/** Creates a one-page PDF with pdf-lib. */
export async function pdfBytes(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([420, 595]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText("PASPOR REPUBLIK INDONESIA (specimen)", { x: 40, y: 540, size: 14, font });
  return Buffer.from(await document.save());
}

/** Builds the header of a 64-bit Linux executable (ELF), padded to 4 KB. */
export function elfBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]);
}

/** Returns the appointment card of a hospital on /appointments. */
export function appointmentCard(page: Page, hospital: string): Locator {
  return page.getByRole("article", { name: hospital });
}

/**
 * Returns the upload form's container in a card, opening the "Upload a different document"
 * disclosure when a document is already awaiting verification.
 */
export async function uploadForm(card: Locator): Promise<Locator> {
  const disclosure = card.getByText("Upload a different document");
  if (await disclosure.isVisible()) {
    const details = card.locator("details");
    if ((await details.getAttribute("open")) === null) await disclosure.click();
  }
  return card.locator("form");
}

/** Chooses a file in a card's upload form without submitting it. */
export async function chooseFile(
  card: Locator,
  file: { name: string; mimeType: string; buffer: Buffer },
  identityType: "KTP" | "Passport" = "KTP",
): Promise<Locator> {
  const form = await uploadForm(card);
  await form.getByRole("radio", { name: new RegExp(`^${identityType}`) }).check();
  await form.getByLabel("Photo or scan").setInputFiles(file);
  return form;
}

/** Counts the items of the Identity documents group on /documents, all and awaiting a decision. */
export async function identityDocumentCounts(
  page: Page,
): Promise<{ total: number; awaitingVerification: number }> {
  await page.goto("/documents");
  const group = page.getByRole("region", { name: "Identity documents" });
  await expect(group).toBeVisible();
  const items = group.getByRole("listitem");
  return {
    total: await items.count(),
    awaitingVerification: await items.filter({ hasText: "Awaiting verification" }).count(),
  };
}

/** The S3 store of the e2e stack, with s3rver's fixed development credentials. */
const s3 = new S3Client({
  endpoint: `http://localhost:${E2E_PORTS.s3}`,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
});

/** Lists the staged upload objects, which exist only between a POST and its confirmation. */
export async function stagedObjectKeys(): Promise<string[]> {
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: "berkas-documents", Prefix: "uploads/" }),
  );
  return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
}

/**
 * Returns the text of the RS Harapan Sehat staff queue at /staff, signed in as its staff
 * member in a separate browser context, or null while the portal has no staff queue page.
 */
export async function harapanStaffQueueText(browser: Browser): Promise<string | null> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const staffPage = await context.newPage();
    await signInAs(staffPage, "staffHarapan");
    const response = await staffPage.goto("/staff");
    if (response?.status() === 404) return null;
    expect(response?.status()).toBe(200);
    return await staffPage.locator("main").innerText();
  } finally {
    await context.close();
  }
}
