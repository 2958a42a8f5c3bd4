import { describe, expect, it } from "vitest";

import { homePathFor, safeCallbackPath, signInPathFor } from "./paths";

describe("safeCallbackPath", () => {
  it.each([
    ["/documents", "/documents"],
    [
      "/documents/5b0c7a56-0b9a-4c36-9d55-2f4f0e6b7a11",
      "/documents/5b0c7a56-0b9a-4c36-9d55-2f4f0e6b7a11",
    ],
    ["/documents?kind=invoice#latest", "/documents?kind=invoice#latest"],
    ["/documents/../home", "/home"],
  ])("keeps the same-origin path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    "https://evil.example/documents",
    "//evil.example/documents",
    "/\\evil.example",
    "/documents\\..\\..\\evil",
    "javascript:alert(1)",
    "documents",
    "/documents\nSet-Cookie: x=1",
    "/sign-in?callbackUrl=/documents",
    "/api/auth/signout",
    "",
    "/" + "a".repeat(2048),
  ])("rejects %j", (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  it("rejects values that are not strings", () => {
    expect(safeCallbackPath(undefined)).toBeNull();
    expect(safeCallbackPath(["/documents"])).toBeNull();
  });
});

describe("signInPathFor", () => {
  it("encodes a safe return path", () => {
    expect(signInPathFor("/documents?kind=invoice")).toBe(
      "/sign-in?callbackUrl=%2Fdocuments%3Fkind%3Dinvoice",
    );
  });

  it("drops an unsafe return path", () => {
    expect(signInPathFor("//evil.example")).toBe("/sign-in");
    expect(signInPathFor(null)).toBe("/sign-in");
  });
});

describe("homePathFor", () => {
  it("sends each role to its workspace", () => {
    expect(homePathFor("patient")).toBe("/documents");
    expect(homePathFor("doctor")).toBe("/doctor");
    expect(homePathFor("staff")).toBe("/staff");
    expect(homePathFor("admin")).toBe("/admin/audit");
  });
});
