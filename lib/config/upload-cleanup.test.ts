import { expect, test } from "vitest";

import { ConfigError, loadConfig } from "./index";

/** Builds an environment with only the given variables (Next.js types require NODE_ENV). */
function environment(variables: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: "production", ...variables };
}

function issuesOf(variables: Record<string, string>): readonly string[] {
  try {
    loadConfig(environment(variables));
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("Expected a ConfigError");
}

test("upload cleanup defaults to 900 seconds", () => {
  expect(loadConfig(environment()).uploadCleanupAfterSeconds).toBe(900);
});

test("upload cleanup accepts its bounds", () => {
  expect(
    loadConfig(environment({ UPLOAD_CLEANUP_AFTER_SECONDS: "60" })).uploadCleanupAfterSeconds,
  ).toBe(60);
  expect(
    loadConfig(environment({ UPLOAD_CLEANUP_AFTER_SECONDS: "86400" })).uploadCleanupAfterSeconds,
  ).toBe(86400);
});

test.each(["59", "86401", "15m", "90.5"])("upload cleanup rejects %j", (value) => {
  expect(issuesOf({ UPLOAD_CLEANUP_AFTER_SECONDS: value })).toEqual([
    "UPLOAD_CLEANUP_AFTER_SECONDS must be a whole number of seconds between 60 and 86400",
  ]);
});
