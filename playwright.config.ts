import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against the whole local stack in production mode, started by the
 * same launcher as `npm start`, on ports of their own and a data folder reset each run.
 * Invoice links get a 4-second TTL so that a test can watch one expire.
 */
// Some specs inspect the S3 store with the pinned AWS SDK; its Node.js support notice is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const E2E_PORTS = { app: 3200, edge: 3201, s3: 3202 } as const;
export const E2E_INVOICE_TTL_SECONDS = 4;

const stackEnv = {
  BERKAS_DATA_DIR: ".data-e2e",
  APP_PORT: String(E2E_PORTS.app),
  EDGE_PORT: String(E2E_PORTS.edge),
  S3_PORT: String(E2E_PORTS.s3),
  LINK_TTL_SECONDS_INVOICE: String(E2E_INVOICE_TTL_SECONDS),
  // Staff links are bound to the reviewer's IPv4 address, as a hospital would configure it.
  STAFF_IP_BINDING: "true",
  LOG_LEVEL: "warn",
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  // Playwright empties its output folder at start; the other runners' reports stay beside it.
  outputDir: "test-results/playwright",
  use: {
    baseURL: `http://localhost:${E2E_PORTS.app}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm run --silent reset && npm start",
    url: `http://localhost:${E2E_PORTS.app}/sign-in`,
    env: stackEnv,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
