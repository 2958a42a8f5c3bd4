import { test as base, expect, type Page } from "@playwright/test";

import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "@/scripts/seed/demo-data";

export { expect };

/** Origin of the edge the e2e stack signs links for (see playwright.config.ts). */
export const EDGE_ORIGIN = "http://localhost:3201";

/** CloudFront's exact AccessDenied body. */
export const ACCESS_DENIED_BODY =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>' +
  "<Message>Access denied</Message></Error>";

/**
 * Signs in through Auth.js's credentials endpoint (CSRF token first, as a browser would),
 * which leaves the session cookie in the page's browser context.
 */
export async function signInAs(page: Page, user: DemoUserKey): Promise<void> {
  const { email } = demoUser(user);
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in as ${email}`).toBe(302);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(true);
}

export const test = base.extend<{ patientPage: Page }>({
  patientPage: async ({ page }, use) => {
    await signInAs(page, "patient");
    await use(page);
  },
});
