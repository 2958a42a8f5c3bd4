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

test("cookie domain is unset by default", () => {
  expect(loadConfig(environment()).cloudfront.cookieDomain).toBeUndefined();
});

test("cookie domain covering both hosts is accepted", () => {
  const config = loadConfig(
    environment({
      CLOUDFRONT_COOKIE_DOMAIN: ".Example.org",
      CLOUDFRONT_URL: "https://files.example.org",
      AUTH_URL: "https://portal.example.org",
    }),
  );

  expect(config.cloudfront.cookieDomain).toBe(".example.org");
});

test("cookie domain may equal the distribution host", () => {
  const config = loadConfig(
    environment({
      CLOUDFRONT_COOKIE_DOMAIN: "example.org",
      CLOUDFRONT_URL: "https://example.org",
    }),
  );

  expect(config.cloudfront.cookieDomain).toBe("example.org");
});

test("cookie domain must be a domain name", () => {
  for (const value of ["localhost", "example.org:443", "https://example.org", ".", "a..b"]) {
    expect(issuesOf({ CLOUDFRONT_COOKIE_DOMAIN: value }), value).toEqual([
      "CLOUDFRONT_COOKIE_DOMAIN must be a domain name with at least two labels, such as .example.org",
    ]);
  }
});

test("cookie domain must cover the distribution", () => {
  const issues = issuesOf({
    CLOUDFRONT_COOKIE_DOMAIN: ".example.org",
    CLOUDFRONT_URL: "https://d111111abcdef8.cloudfront.net",
  });

  expect(issues).toEqual([
    "CLOUDFRONT_COOKIE_DOMAIN must be the host of CLOUDFRONT_URL or a parent domain of it",
  ]);
});

test("cookie domain must cover the portal", () => {
  const issues = issuesOf({
    CLOUDFRONT_COOKIE_DOMAIN: ".example.org",
    CLOUDFRONT_URL: "https://files.example.org",
    AUTH_URL: "https://portal.example.net",
  });

  expect(issues).toEqual([
    "CLOUDFRONT_COOKIE_DOMAIN must be the host of AUTH_URL or a parent domain of it",
  ]);
});

test("cookie domain is no suffix match", () => {
  const issues = issuesOf({
    CLOUDFRONT_COOKIE_DOMAIN: "example.org",
    CLOUDFRONT_URL: "https://files.badexample.org",
  });

  expect(issues).toEqual([
    "CLOUDFRONT_COOKIE_DOMAIN must be the host of CLOUDFRONT_URL or a parent domain of it",
  ]);
});
