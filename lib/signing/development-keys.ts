import "server-only";

import { generateKeyPairSync } from "node:crypto";
import { access, link, mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

import {
  addKey,
  DEFAULT_GROUP,
  emptyKeyRing,
  generateKeyPairId,
} from "@/lib/cloudfront/key-ring-edit";
import { writeKeyRing, type KeyRing, type KeyRingEntry } from "@/lib/cloudfront/key-ring";
import type { KeyAlgorithm } from "@/lib/cloudfront/types";

/** A freshly generated key pair whose private half is already on disk. */
export type GeneratedKey = Omit<KeyRingEntry, "status"> & { privateKeyFile: string };

/**
 * Generates a key pair (ECDSA P-256, or RSA 2048) and writes the private key as PKCS#8 PEM to
 * `<dir>/<keyPairId>.pem` with mode 0600. The file is created exclusively, never overwritten.
 */
export async function generateKeyFiles(
  dir: string,
  algorithm: KeyAlgorithm,
): Promise<GeneratedKey> {
  const pair =
    algorithm === "RSA"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const keyPairId = generateKeyPairId();
  const privateKeyFile = `${keyPairId}.pem`;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pem = pair.privateKey.export({ format: "pem", type: "pkcs8" });
  await writeFile(path.join(dir, privateKeyFile), pem, { mode: 0o600, flag: "wx" });
  return {
    keyPairId,
    algorithm,
    publicKeyPem: pair.publicKey.export({ format: "pem", type: "spki" }).toString(),
    createdAt: new Date().toISOString(),
    privateKeyFile,
  };
}

/**
 * Creates `<dir>/key-ring.json` with one active ECDSA P-256 key unless the file exists. Safe
 * when two processes start at once: the ring is published with link(), which fails if another
 * process got there first, and the loser removes its own key.
 */
export async function ensureDevelopmentKeyRing(
  dir: string,
): Promise<{ created: boolean; file: string }> {
  const file = path.join(dir, "key-ring.json");
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) return { created: false, file };
  const generated = await generateKeyFiles(dir, "ECDSA_P256");
  const ring: KeyRing = addKey(emptyKeyRing(), DEFAULT_GROUP, generated).ring;
  const staged = `${file}.${generated.keyPairId}.tmp`;
  await writeKeyRing(staged, ring);
  try {
    await link(staged, file);
    return { created: true, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    await unlink(path.join(dir, generated.privateKeyFile));
    return { created: false, file };
  } finally {
    await unlink(staged);
  }
}
