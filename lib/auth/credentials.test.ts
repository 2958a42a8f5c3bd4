import { describe, expect, it } from "vitest";

import { MAX_PASSWORD_LENGTH, parseCredentials } from "./credentials";

describe("parseCredentials", () => {
  it("trims and lower-cases the email", () => {
    expect(parseCredentials({ email: "  Siti@Patient.TEST ", password: " secret " })).toEqual({
      email: "siti@patient.test",
      password: " secret ",
    });
  });

  it.each([
    ["a missing email", { password: "secret" }],
    ["a malformed email", { email: "siti", password: "secret" }],
    ["an empty password", { email: "siti@patient.test", password: "" }],
    [
      "an overlong password",
      { email: "siti@patient.test", password: "x".repeat(MAX_PASSWORD_LENGTH + 1) },
    ],
    ["a non-string password", { email: "siti@patient.test", password: ["secret"] }],
    ["no object", "siti@patient.test"],
  ])("rejects %s", (_case, input) => {
    expect(parseCredentials(input)).toBeNull();
  });
});
