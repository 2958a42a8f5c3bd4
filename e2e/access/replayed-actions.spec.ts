/**
 * Server actions and routes called directly with another user's session. Each test
 * captures a real server-action request from the user allowed to send it (and aborts it,
 * so it never runs), replays the same bytes with someone else's cookies, and checks that
 * nothing changed. A control replay from the allowed user proves the replay itself works.
 */
import type { Page, Request } from "@playwright/test";

import {
  issuePrescription,
  daysFromNow,
  pageAs,
  patientItem,
  uniqueTitle,
} from "../doctor/support";
import { expect, signInAs, test } from "../fixtures";
import { HARAPAN, reviewPathOf, uploadIdentityDocument } from "../staff/support";

/** Lets the next server-action POST from `page` through to capture, and aborts it. */
async function captureAction(page: Page, submit: () => Promise<void>): Promise<Request> {
  let captured: Request | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = request;
      await route.abort();
      return;
    }
    await route.continue();
  });
  await submit();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/*");
  return captured!;
}

/** Sends a captured server-action request again from `page`'s session. */
async function replay(page: Page, request: Request) {
  const headers = request.headers();
  return page.request.post(request.url(), {
    headers: {
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      "next-action": headers["next-action"]!,
      accept: "text/x-component",
      origin: new URL(request.url()).origin,
    },
    data: request.postDataBuffer() ?? Buffer.alloc(0),
    maxRedirects: 0,
  });
}

test("revoke replayed by others changes nothing", async ({ browser, page }) => {
  await signInAs(page, "doctor");
  const title = uniqueTitle("Lisinopril 10 mg");
  await issuePrescription(page, { title, validUntil: daysFromNow(30) });
  await page.goto("/doctor");
  const row = page.getByRole("row").filter({ hasText: title });

  const revoke = await captureAction(page, async () => {
    await row.getByRole("button", { name: `Revoke ${title}` }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke “${title}”?` });
    await dialog.getByLabel("Reason").fill("Replayed by someone else");
    await dialog.getByRole("button", { name: "Revoke document" }).click();
  });

  for (const intruder of ["patient", "otherPatient", "staffHarapan", "admin"] as const) {
    const intruderPage = await pageAs(browser, intruder);
    // A refused action may still respond with 200 with an error state or a redirect instruction,
    // so the proof is the unchanged document below, not the status.
    await replay(intruderPage, revoke);
    await intruderPage.context().close();
  }

  const patientPage = await pageAs(browser, "otherPatient");
  const item = await patientItem(patientPage, title);
  await expect(item.getByRole("link", { name: /^Open/ })).toBeVisible();
  await page.goto("/doctor");
  await expect(row.getByRole("button", { name: `Revoke ${title}` })).toBeVisible();

  await replay(page, revoke);
  await page.goto("/doctor");
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
});

test("decision replayed by other staff changes nothing", async ({ browser }) => {
  const patientPage = await pageAs(browser, "otherPatient");
  const fileName = await uploadIdentityDocument(patientPage, "png", HARAPAN);
  const staffPage = await pageAs(browser, "staffHarapan");
  const reviewPath = await reviewPathOf(staffPage, fileName);
  await staffPage.goto(reviewPath);

  const verify = await captureAction(staffPage, async () => {
    await staffPage.getByRole("button", { name: "Verify identity" }).click();
  });

  for (const intruder of ["staffMitra", "patient", "otherPatient", "doctor", "admin"] as const) {
    const intruderPage = await pageAs(browser, intruder);
    await replay(intruderPage, verify);
    const review = await intruderPage.request.get(reviewPath, { maxRedirects: 0 });
    expect(review.status(), `${intruder} opening ${reviewPath}`).not.toBe(200);
    await intruderPage.context().close();
  }

  await staffPage.goto("/staff");
  await expect(staffPage.getByRole("row").filter({ hasText: fileName })).toHaveCount(1);

  await replay(staffPage, verify);
  await staffPage.goto("/staff");
  await expect(staffPage.getByRole("row").filter({ hasText: fileName })).toHaveCount(0);
});

test("role pages reject other roles", async ({ browser }) => {
  const cases = [
    { user: "patient", paths: ["/doctor", "/doctor/issue", "/staff", "/admin/audit"] },
    { user: "doctor", paths: ["/documents", "/appointments", "/staff", "/admin/audit"] },
    { user: "staffHarapan", paths: ["/documents", "/doctor", "/admin/audit"] },
    { user: "admin", paths: ["/documents", "/appointments", "/doctor", "/staff"] },
  ] as const;

  for (const { user, paths } of cases) {
    const userPage = await pageAs(browser, user);
    for (const path of paths) {
      const response = await userPage.request.get(path, { maxRedirects: 0 });
      expect(response.status(), `${user} GET ${path}`).not.toBe(200);
    }
    await userPage.context().close();
  }
});

test("cross-site action posts are rejected", async ({ page }) => {
  await signInAs(page, "doctor");
  await page.goto("/doctor");

  for (const origin of ["http://evil.test", "null"]) {
    const response = await page.request.post("/doctor", {
      headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain" },
      data: "[]",
      maxRedirects: 0,
    });

    expect(response.status(), origin).toBe(403);
    expect(await response.text()).toBe("Cross-site form submission rejected.\n");
  }
});
