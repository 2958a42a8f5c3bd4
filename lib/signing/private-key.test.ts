import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parsePrivateKey, PrivateKeyError, type PrivateKeySource } from "./private-key";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
function pem(key: KeyObject, type: "pkcs1" | "pkcs8" | "sec1", passphrase?: string): string {
  if (passphrase === undefined) return key.export({ format: "pem", type }).toString();
  return key.export({ format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase }).toString();
}

const label = "CLOUDFRONT_PRIVATE_KEY";
const passphraseLabel = "CLOUDFRONT_PRIVATE_KEY_PASSPHRASE";

/** Parses and returns the error, asserting that it quotes no line of the key's base64. */
function failure(source: PrivateKeySource, keyPem: string): string {
  let message = "";
  try {
    parsePrivateKey(source);
  } catch (error) {
    expect(error).toBeInstanceOf(PrivateKeyError);
    message = (error as Error).message;
  }
  expect(message).not.toBe("");
  const base64Lines = keyPem
    .split("\n")
    .filter((line) => line.length > 8 && !line.startsWith("-----"));
  for (const line of base64Lines) expect(message).not.toContain(line);
  return message;
}

describe("parsePrivateKey", () => {
  it("parses every supported PEM format", () => {
    const cases: [string, string, string][] = [
      ["PKCS#1 RSA", pem(rsa.privateKey, "pkcs1"), "RSA"],
      ["PKCS#8 RSA", pem(rsa.privateKey, "pkcs8"), "RSA"],
      ["PKCS#8 EC", pem(ec.privateKey, "pkcs8"), "ECDSA_P256"],
      ["SEC1 EC", pem(ec.privateKey, "sec1"), "ECDSA_P256"],
    ];
    for (const [name, keyPem, algorithm] of cases) {
      expect(parsePrivateKey({ pem: keyPem, label }).algorithm, name).toBe(algorithm);
    }
  });

  it("parses encrypted PKCS#8", () => {
    const keyPem = pem(ec.privateKey, "pkcs8", "correct horse");
    expect(keyPem).toContain("BEGIN ENCRYPTED PRIVATE KEY");
    const parsed = parsePrivateKey({
      pem: keyPem,
      passphrase: "correct horse",
      label,
      passphraseLabel,
    });
    expect(parsed.algorithm).toBe("ECDSA_P256");
  });

  it("parses one-line values with literal \\n", () => {
    const oneLine = pem(rsa.privateKey, "pkcs8").trim().replace(/\n/g, "\\n");
    expect(oneLine).not.toContain("\n");
    expect(parsePrivateKey({ pem: oneLine, label }).algorithm).toBe("RSA");
  });

  it("reads a key file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "berkas-key-"));
    const file = path.join(dir, "key.pem");
    writeFileSync(file, pem(ec.privateKey, "pkcs8"));
    expect(parsePrivateKey({ file, label: `CLOUDFRONT_PRIVATE_KEY_FILE ${file}` }).algorithm).toBe(
      "ECDSA_P256",
    );
    const missing = path.join(dir, "absent.pem");
    expect(() =>
      parsePrivateKey({ file: missing, label: `CLOUDFRONT_PRIVATE_KEY_FILE ${missing}` }),
    ).toThrow(`CLOUDFRONT_PRIVATE_KEY_FILE ${missing} cannot be read (ENOENT)`);
  });

  it("rejects a truncated key", () => {
    const keyPem = pem(rsa.privateKey, "pkcs8");
    const truncated = keyPem.slice(0, Math.floor(keyPem.length / 2));
    expect(failure({ pem: truncated, label }, keyPem)).toBe(
      "CLOUDFRONT_PRIVATE_KEY is truncated: its -----END PRIVATE KEY----- line is missing",
    );
  });

  it("rejects a corrupt key", () => {
    const keyPem = pem(rsa.privateKey, "pkcs1");
    const lines = keyPem.split("\n");
    lines[3] = "A".repeat(lines[3]?.length ?? 64);
    lines[4] = "!".repeat(lines[4]?.length ?? 64);
    expect(failure({ pem: lines.join("\n"), label }, keyPem)).toBe(
      "CLOUDFRONT_PRIVATE_KEY is corrupt: its RSA PRIVATE KEY block does not decode",
    );
  });

  it("rejects a wrong or missing passphrase", () => {
    const keyPem = pem(rsa.privateKey, "pkcs8", "right");
    expect(failure({ pem: keyPem, passphrase: "wrong", label, passphraseLabel }, keyPem)).toBe(
      "CLOUDFRONT_PRIVATE_KEY cannot be decrypted: CLOUDFRONT_PRIVATE_KEY_PASSPHRASE is wrong or the key is corrupt",
    );
    expect(failure({ pem: keyPem, label, passphraseLabel }, keyPem)).toBe(
      "CLOUDFRONT_PRIVATE_KEY is encrypted; set CLOUDFRONT_PRIVATE_KEY_PASSPHRASE",
    );
  });

  it("rejects keys CloudFront cannot use", () => {
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
    const smallPem = pem(small, "pkcs8");
    expect(failure({ pem: smallPem, label }, smallPem)).toBe(
      "CLOUDFRONT_PRIVATE_KEY is a 1024-bit RSA key; use at least 2048 bits",
    );
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey;
    const p384Pem = pem(p384, "pkcs8");
    expect(failure({ pem: p384Pem, label }, p384Pem)).toBe(
      "CLOUDFRONT_PRIVATE_KEY is an EC key on secp384r1; use P-256",
    );
    const publicPem = rsa.publicKey.export({ format: "pem", type: "spki" }).toString();
    expect(failure({ pem: publicPem, label }, publicPem)).toBe(
      "CLOUDFRONT_PRIVATE_KEY contains a PUBLIC KEY; expected a private key",
    );
    expect(failure({ pem: "not a key", label }, "")).toBe(
      "CLOUDFRONT_PRIVATE_KEY is not a PEM private key (no -----BEGIN line)",
    );
  });
});
