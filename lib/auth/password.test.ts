import { describe, expect, it } from "vitest";

import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the password it hashed", async () => {
    const hash = await hashPassword("correct horse battery staple");

    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
  });

  it("rejects a different password", async () => {
    const hash = await hashPassword("correct horse battery staple");

    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts each hash", async () => {
    const first = await hashPassword("same password");
    const second = await hashPassword("same password");

    expect(first).not.toBe(second);
  });

  it("matches NFKC-equivalent spellings", async () => {
    // U+FB01 (the "fi" ligature) normalises to "fi" under NFKC.
    const hash = await hashPassword("\uFB01nance-2026");

    expect(await verifyPassword("finance-2026", hash)).toBe(true);
  });

  it("never matches malformed hashes", async () => {
    for (const stored of ["", "unusable", "scrypt$0$8$1$AAAA$AAAA", "bcrypt$2b$10$abc$def$ghi"]) {
      expect(await verifyPassword("anything", stored), stored).toBe(false);
    }
  });

  it("provides a dummy hash in the same format", async () => {
    const dummy = await DUMMY_PASSWORD_HASH;

    expect(dummy.split("$").slice(0, 4)).toEqual(["scrypt", "32768", "8", "1"]);
    expect(await verifyPassword("", dummy)).toBe(false);
  });
});
