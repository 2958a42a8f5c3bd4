import { describe, expect, test } from "vitest";

import { toDisplayText } from "./display-text";

describe("toDisplayText", () => {
  test("removes a right-to-left override", () => {
    expect(toDisplayText("KTP \u202egnp.exe")).toBe("KTP gnp.exe");
  });

  test("removes isolates, marks and zero-width spaces", () => {
    expect(toDisplayText("a\u2066b\u2069c\u200fd\u200be\ufeff")).toBe("abcde");
  });

  test("keeps joiners, scripts and emoji", () => {
    expect(toDisplayText("身份证 😀 👩\u200d⚕️ नि\u200cर")).toBe("身份证 😀 👩\u200d⚕️ नि\u200cर");
  });

  test("composes to NFC", () => {
    expect(toDisplayText("u\u0308")).toBe("ü");
  });
});
