import { createPublicKey, type KeyObject } from "node:crypto";

import type { KeyAlgorithm } from "./types";

/** Smallest RSA modulus the verifier trusts; public test vectors still use 1024-bit keys. */
export const MIN_TRUSTED_RSA_BITS = 1024;
/** Smallest RSA modulus for keys that are created or imported: CloudFront requires 2048. */
export const MIN_NEW_RSA_BITS = 2048;

/**
 * Returns the CloudFront key algorithm of a key, or a reason it cannot be used: CloudFront
 * accepts RSA and ECDSA on the P-256 curve only.
 */
export function keyAlgorithmOf(key: KeyObject, minRsaBits: number): KeyAlgorithm | string {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === "rsa") {
    const bits = details?.modulusLength ?? 0;
    return bits >= minRsaBits ? "RSA" : `is a ${bits}-bit RSA key; use at least ${minRsaBits} bits`;
  }
  if (key.asymmetricKeyType === "ec") {
    const curve = details?.namedCurve;
    return curve === "prime256v1" ? "ECDSA_P256" : `is an EC key on ${curve}; use P-256`;
  }
  return `is a ${key.asymmetricKeyType ?? "unknown"} key; use RSA or ECDSA P-256`;
}

/** Parses a PEM public key for verification, or throws naming `label` (never the key). */
export function parsePublicKeyPem(
  pem: string,
  label: string,
  minRsaBits = MIN_TRUSTED_RSA_BITS,
): { publicKey: KeyObject; algorithm: KeyAlgorithm } {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: pem, format: "pem" });
  } catch {
    throw new Error(`${label} is not a valid PEM public key (expected -----BEGIN PUBLIC KEY-----)`);
  }
  const algorithm = keyAlgorithmOf(publicKey, minRsaBits);
  if (algorithm !== "RSA" && algorithm !== "ECDSA_P256") throw new Error(`${label} ${algorithm}`);
  return { publicKey, algorithm };
}

/** Returns the DER SubjectPublicKeyInfo of a key, for comparing two keys exactly. */
export function spkiOf(key: KeyObject): Buffer {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return publicKey.export({ format: "der", type: "spki" });
}
