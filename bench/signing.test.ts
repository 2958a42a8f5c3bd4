import { generateKeyPairSync } from "node:crypto";

import { describe, expect, it } from "vitest";

import { benchmarkSigning, benchmarkVerification } from "./signing";

const pemOf = (type: "rsa" | "ec") =>
  (type === "rsa"
    ? generateKeyPairSync("rsa", { modulusLength: 2048 })
    : generateKeyPairSync("ec", { namedCurve: "P-256" })
  ).privateKey
    .export({ format: "pem", type: "pkcs8" })
    .toString();

// Tiny runs: this checks that the benchmarks work, not how fast anything is.
describe("signing benchmark", () => {
  it("reports every variant for ECDSA", () => {
    const result = benchmarkSigning({
      privateKeyPem: pemOf("ec"),
      rounds: 3,
      signaturesPerRound: 20,
    });
    expect(result.algorithm).toBe("ECDSA_P256");
    expect(result.keyBits).toBe(256);
    expect(result.hashAlgorithm).toBe("SHA256");
    expect(result.rounds).toBe(3);
    for (const value of Object.values(result.opsPerSecond)) expect(value).toBeGreaterThan(0);
    expect(result.libSigningVsRaw).toBeGreaterThan(0);
  });

  it("reports RSA-2048 with SHA-1", () => {
    const result = benchmarkSigning({
      privateKeyPem: pemOf("rsa"),
      rounds: 1,
      signaturesPerRound: 10,
    });
    expect([result.algorithm, result.keyBits, result.hashAlgorithm]).toEqual(["RSA", 2048, "SHA1"]);
  });

  it("verifies allowed requests", () => {
    const result = benchmarkVerification({
      privateKeyPem: pemOf("ec"),
      rounds: 1,
      signaturesPerRound: 10,
    });
    expect(result.opsPerSecond.cannedUrl).toBeGreaterThan(0);
    expect(result.opsPerSecond.customCookies).toBeGreaterThan(0);
  });
});
