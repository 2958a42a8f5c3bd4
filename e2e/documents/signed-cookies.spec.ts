import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { ACCESS_DENIED_BODY, EDGE_ORIGIN, expect, signInAs, test } from "../fixtures";

const STUDY = "Chest X-ray, 3 images";

/** CloudFront's exact MissingKey body, sent when a request carries no signing values at all. */
const MISSING_KEY_BODY =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code>' +
  "<Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>";

const SIGNING_NAMES = /(^|[?&])(Expires|Policy|Signature|Key-Pair-Id|Hash-Algorithm)=/;

/** Opens the study's gallery from the documents page and returns its image URLs. */
async function openGallery(page: Page): Promise<string[]> {
  await page.goto("/documents");
  const item = page.getByRole("listitem").filter({ hasText: STUDY });
  await item.getByRole("link", { name: "View 3 images" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}\/images\?until=\d+$/);

  const images = page.getByRole("main").getByRole("img");
  await expect(images).toHaveCount(3);
  const sources: string[] = [];
  for (const image of await images.all()) sources.push((await image.getAttribute("src")) ?? "");
  return sources;
}

/** Returns the cookie Path the gallery's cookies must have: the images' common prefix. */
function imagesPathOf(source: string): string {
  return new URL(source).pathname.replace(/[^/]+$/, "");
}

async function cloudFrontCookies(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.filter((cookie) => cookie.name.startsWith("CloudFront-"));
}

test("gallery loads its images through cookies", async ({ page }) => {
  await signInAs(page, "patient");
  const responses = new Map<string, number>();
  page.on("response", (response) => {
    if (response.url().startsWith(EDGE_ORIGIN)) responses.set(response.url(), response.status());
  });

  const sources = await openGallery(page);

  await expect(page.getByText(/^Images available until \d{2}:\d{2}:\d{2}/)).toBeVisible();
  for (const [index, source] of sources.entries()) {
    expect(source.startsWith(`${EDGE_ORIGIN}/documents/`), source).toBe(true);
    expect(source, source).not.toContain("?");
    expect(source, source).not.toMatch(SIGNING_NAMES);
    const image = page.getByRole("main").getByRole("img").nth(index);
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
      .toBeGreaterThan(0);
    expect(responses.get(source), source).toBe(200);
  }
  expect(new Set(sources.map(imagesPathOf)).size).toBe(1);
});

test("only image documents offer a gallery", async ({ page }) => {
  await signInAs(page, "patient");
  await page.goto("/documents");

  await expect(page.getByRole("link", { name: /^View \d+ images?$/ })).toHaveCount(1);
  const item = page.getByRole("listitem").filter({ hasText: STUDY });
  await expect(item.getByRole("link", { name: "View 3 images" })).toBeVisible();
});

test("cookies are HttpOnly and scoped to the images", async ({ page }) => {
  await signInAs(page, "patient");
  const [source] = await openGallery(page);
  const path = imagesPathOf(source!);

  const cookies = await cloudFrontCookies(page);

  expect(cookies.map((cookie) => cookie.name).toSorted()).toEqual([
    "CloudFront-Hash-Algorithm",
    "CloudFront-Key-Pair-Id",
    "CloudFront-Policy",
    "CloudFront-Signature",
  ]);
  const nowSeconds = Date.now() / 1000;
  for (const cookie of cookies) {
    expect(cookie.path, cookie.name).toBe(path);
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe("Strict");
    expect(cookie.secure, cookie.name).toBe(false);
    expect(cookie.domain, cookie.name).toBe("localhost");
    // Max-Age follows the 5-minute lab report TTL, so the browser drops the cookies with it.
    expect(cookie.expires, cookie.name).toBeGreaterThan(nowSeconds);
    expect(cookie.expires, cookie.name).toBeLessThanOrEqual(nowSeconds + 300 + 5);
  }
});

test("open route redirects privately", async ({ page }) => {
  await signInAs(page, "patient");
  const [source] = await openGallery(page);
  const gallery = new URL(page.url());

  const open = await page.request.get(`${gallery.pathname}/open`, { maxRedirects: 0 });
  const reload = await page.goto(page.url());

  expect(open.status()).toBe(303);
  expect(open.headers()["location"]).toMatch(/^\/documents\/[0-9a-f-]{36}\/images\?until=\d+$/);
  expect(open.headers()["cache-control"]).toBe("private, no-store");
  const setCookies = open
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie");
  expect(setCookies).toHaveLength(5);
  for (const header of setCookies) {
    expect(header.value).toContain(`; Path=${imagesPathOf(source!)}; `);
  }
  expect(reload?.headers()["cache-control"]).toContain("no-store");
  expect(reload?.headers()["cache-control"]).toContain("private");
});

test("main PDF gets no cookies and MissingKey", async ({ page }) => {
  await signInAs(page, "patient");
  const [source] = await openGallery(page);
  // The study's main file is the object key that prefixes its images.
  const pdf = `${EDGE_ORIGIN}${imagesPathOf(source!).replace(/\/images\/$/, "")}`;

  const response = await page.goto(pdf);

  expect(response?.status()).toBe(403);
  expect(await response?.text()).toBe(MISSING_KEY_BODY);
});

test("cookies cover every key under their Path", async ({ page }) => {
  await signInAs(page, "patient");
  const [source] = await openGallery(page);

  // The policy allows the request, so the edge requests the object from S3, which has none.
  const missing = await page.request.get(`${EDGE_ORIGIN}${imagesPathOf(source!)}4`);

  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("<Code>NoSuchKey</Code>");
});

test("other documents get no cookies", async ({ page, playwright }) => {
  await signInAs(page, "patient");
  await page.goto("/documents");
  const otherLink = await page
    .getByRole("listitem")
    .filter({ hasText: "Amlodipine 5 mg" })
    .getByRole("link", { name: /^Open/ })
    .getAttribute("href");
  const otherImage = `${new URL(otherLink!).origin}${new URL(otherLink!).pathname}/images/1`;
  await openGallery(page);
  const cookieHeader = (await cloudFrontCookies(page))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");

  // Outside the cookie Path the browser sends no cookies, so the edge receives no signing values.
  const browserRequest = await page.request.get(otherImage);
  // Replayed by hand, the cookies reach the edge, and the policy's Resource does not match.
  const replay = await playwright.request.newContext();
  const replayed = await replay.get(otherImage, { headers: { Cookie: cookieHeader } });

  expect(browserRequest.status()).toBe(403);
  expect(await browserRequest.text()).toBe(MISSING_KEY_BODY);
  expect(replayed.status()).toBe(403);
  expect(await replayed.text()).toBe(ACCESS_DENIED_BODY);
  await replay.dispose();
});

test("sign-out deletes the cookies", async ({ page }) => {
  await signInAs(page, "patient");
  const [source] = await openGallery(page);
  const before = await page.request.get(source!);
  expect(before.status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  expect(await cloudFrontCookies(page)).toEqual([]);
  const after = await page.request.get(source!);
  expect(after.status()).toBe(403);
  expect(await after.text()).toBe(MISSING_KEY_BODY);
  const names = (await page.context().cookies()).map((cookie) => cookie.name);
  expect(names).not.toContain("berkas-image-cookie-paths");
});

test("signed-out route deletes every listed Path", async ({ page }) => {
  const paths = ["/documents/a/images/", "/documents/b/images/"];
  await page.context().addCookies([
    ...paths.map((path) => ({
      name: "CloudFront-Policy",
      value: "eyJTdGF0ZW1lbnQiOltdfQ__",
      domain: "localhost",
      path,
      httpOnly: true,
      sameSite: "Strict" as const,
    })),
    {
      name: "berkas-image-cookie-paths",
      value: encodeURIComponent(paths.join(",")),
      domain: "localhost",
      path: "/signed-out",
      httpOnly: true,
      sameSite: "Lax" as const,
    },
  ]);
  expect(await cloudFrontCookies(page)).toHaveLength(2);

  await page.goto("/signed-out");

  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await page.context().cookies()).toEqual([]);
});

test("unknown and foreign galleries are not found", async ({ browser, page }) => {
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signInAs(otherPage, "otherPatient");
  await otherPage.goto("/documents");
  const foreign = await otherPage
    .getByRole("listitem")
    .filter({ hasText: "Salbutamol inhaler" })
    .getByRole("link", { name: "Salbutamol inhaler 100 mcg", exact: true })
    .getAttribute("href");
  await otherContext.close();
  await signInAs(page, "patient");

  const foreignOpen = await page.request.get(`${foreign}/images/open`, { maxRedirects: 0 });
  const unknownOpen = await page.request.get(`/documents/${randomUUID()}/images/open`, {
    maxRedirects: 0,
  });
  const unknownDocument = await page.request.get(`/documents/${randomUUID()}`, {
    maxRedirects: 0,
  });

  expect(foreignOpen.status()).toBe(404);
  expect(unknownOpen.status()).toBe(404);
  expect(await foreignOpen.text()).toBe(await unknownDocument.text());
  expect(await unknownOpen.text()).toBe(await unknownDocument.text());
  expect(foreignOpen.headers()["set-cookie"]).toBeUndefined();
});
