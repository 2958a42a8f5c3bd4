import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import {
  appointmentCard,
  chooseFile,
  HARAPAN,
  MITRA,
  pdfBytes,
  pngBytes,
} from "../uploads/support";

import { expect } from "../fixtures";

export { HARAPAN, MITRA };

/**
 * Uploads an identity document as the signed-in patient for their appointment at `hospital`
 * through /appointments, and returns the file name, which is unique to this call.
 *
 * Once a hospital verifies an appointment's document, /appointments offers no more uploads
 * for it, so a spec that verifies must use an appointment that no other spec uploads to.
 */
export async function uploadIdentityDocument(
  page: Page,
  type: "png" | "pdf",
  hospital: string,
): Promise<string> {
  const name = `${type === "png" ? "ktp" : "passport"}-${randomUUID().slice(0, 8)}.${type}`;
  await page.goto("/appointments");
  const card = appointmentCard(page, hospital);
  await expect(card).toBeVisible();
  if (await card.getByText("has verified your identity document").isVisible()) {
    throw new Error(
      `The appointment at ${hospital} is already verified, so it takes no more uploads. ` +
        "Upload for an appointment that no spec verifies.",
    );
  }
  const form = await chooseFile(
    card,
    {
      name,
      mimeType: type === "png" ? "image/png" : "application/pdf",
      buffer: type === "png" ? pngBytes() : await pdfBytes(),
    },
    type === "png" ? "KTP" : "Passport",
  );
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(card.getByRole("status")).toContainText(`"${name}" was uploaded.`);
  return name;
}

/** Returns the address of a file's review page from the staff queue, loading /staff first. */
export async function reviewPathOf(staffPage: Page, fileName: string): Promise<string> {
  await staffPage.goto("/staff");
  const row = staffPage.getByRole("row").filter({ hasText: fileName });
  const href = await row.getByRole("link", { name: /^Review/ }).getAttribute("href");
  expect(href, `review link for ${fileName}`).toMatch(/^\/staff\/review\/[0-9a-f-]{36}$/);
  return href ?? "";
}
