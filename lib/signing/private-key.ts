import "server-only";

import { createPrivateKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";

import { keyAlgorithmOf, MIN_NEW_RSA_BITS } from "@/lib/cloudfront/public-key";
import type { KeyAlgorithm } from "@/lib/cloudfront/types";

/** A private key that cannot be used. The message names the setting, never key material. */
export class PrivateKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrivateKeyError";
  }
}

export interface PrivateKeySource {
  /** PEM text, or a single line with literal `\n` sequences as some secret stores require. */
  pem?: string;
  file?: string;
  passphrase?: string;
  /** The key's name in errors, e.g. "CLOUDFRONT_PRIVATE_KEY" or "CLOUDFRONT_PRIVATE_KEY_FILE /path". */
  label: string;
  /** The setting that contains the passphrase, named in errors. */
  passphraseLabel?: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/;
const KNOWN_TYPES = ["RSA PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY"];

function readPem(source: PrivateKeySource): string {
  if (source.file === undefined) return (source.pem ?? "").replace(/\\n/g, "\n").trim();
  try {
    return readFileSync(source.file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new PrivateKeyError(`${source.label} cannot be read (${code})`);
  }
}

/**
 * Parses a PKCS#1, PKCS#8, SEC1 or encrypted PKCS#8 PEM private key once into a KeyObject.
 * RSA keys need at least 2048 bits and EC keys the P-256 curve, as CloudFront requires.
 */
export function parsePrivateKey(source: PrivateKeySource): {
  privateKey: KeyObject;
  algorithm: KeyAlgorithm;
} {
  const pem = readPem(source);
  const where = source.label;
  const begin = /-----BEGIN ([A-Z ]+)-----/.exec(pem);
  if (!begin) throw new PrivateKeyError(`${where} is not a PEM private key (no -----BEGIN line)`);
  const type = begin[1] ?? "";
  if (!KNOWN_TYPES.includes(type)) {
    throw new PrivateKeyError(`${where} contains a ${type}; expected a private key`);
  }
  if (!PEM_BLOCK.test(pem)) {
    throw new PrivateKeyError(`${where} is truncated: its -----END ${type}----- line is missing`);
  }
  const encrypted = type === "ENCRYPTED PRIVATE KEY" || pem.includes("Proc-Type: 4,ENCRYPTED");
  const passphraseLabel = source.passphraseLabel ?? "the passphrase";
  if (encrypted && source.passphrase === undefined) {
    throw new PrivateKeyError(`${where} is encrypted; set ${passphraseLabel}`);
  }

  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: "pem", passphrase: source.passphrase });
  } catch {
    // OpenSSL's messages add nothing a person can act on, and are dropped so that no decoder
    // output can echo key bytes.
    throw new PrivateKeyError(
      encrypted
        ? `${where} cannot be decrypted: ${passphraseLabel} is wrong or the key is corrupt`
        : `${where} is corrupt: its ${type} block does not decode`,
    );
  }
  const algorithm = keyAlgorithmOf(privateKey, MIN_NEW_RSA_BITS);
  if (algorithm !== "RSA" && algorithm !== "ECDSA_P256") {
    throw new PrivateKeyError(`${where} ${algorithm}`);
  }
  return { privateKey, algorithm };
}
