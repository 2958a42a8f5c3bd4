import { test, expect } from "@playwright/test";

import { DEMO_PASSWORD, demoUser } from "@/scripts/seed/demo-data";

const patient = demoUser("patient");

test("anonymous visitor is sent to sign-in", async ({ page }) => {
  await page.goto("/documents");

  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdocuments$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("wrong password gets the generic message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(patient.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("unknown account gets the same message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@patient.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
});

test("patient signs in and out", async ({ page }) => {
  await page.goto("/documents");
  await page.getByLabel("Email").fill(patient.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByRole("heading", { name: "Prescriptions" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/documents");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("external callback URL is ignored", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Email").fill(patient.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/localhost:3200\/documents$/);
});
