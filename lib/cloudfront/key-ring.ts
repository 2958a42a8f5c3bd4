import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { rename, writeFile, unlink } from "node:fs/promises";
import path from "node:path";

import { parsePublicKeyPem } from "./public-key";
import type { KeyAlgorithm, TrustedKeyLookup, TrustedPublicKey } from "./types";

/**
 * The key ring file: trusted key groups as CloudFront models them, plus which key signs.
 * Only public keys live here; a key's private PEM sits in its own file beside the ring.
 */
export interface KeyRing {
  version: 1;
  groups: KeyGroup[];
}

export interface KeyGroup {
  name: string;
  keys: KeyRingEntry[];
}

/**
 * Key life cycle: `added` (trusted, not yet signing), `active` (the one signing key),
 * `retired` (still trusted so outstanding links work), `revoked` (removed from the group, so
 * its links fail with InvalidKey at once).
 */
export type KeyStatus = "active" | "added" | "retired" | "revoked";

export interface KeyRingEntry {
  keyPairId: string;
  algorithm: KeyAlgorithm;
  publicKeyPem: string;
  status: KeyStatus;
  createdAt: string;
  /** Private key file name, relative to the key ring's folder. */
  privateKeyFile?: string;
}

/** CloudFront quotas: public keys in one key group, and key groups on one cache behavior. */
export const MAX_KEYS_PER_GROUP = 5;
export const MAX_GROUPS = 4;

/** CloudFront public key IDs are 13 or 14 upper-case letters and digits, e.g. K2JCJMDEHXQW5F. */
export const KEY_PAIR_ID_PATTERN = /^[A-Z0-9]{13,14}$/;

const STATUSES: readonly KeyStatus[] = ["active", "added", "retired", "revoked"];

/** An invalid key ring file or a key ring change that CloudFront's rules forbid. */
export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyRingError";
  }
}

/** Counts the keys CloudFront would list in a group: revoked keys were removed from it. */
export function trustedCount(group: KeyGroup): number {
  return group.keys.filter((key) => key.status !== "revoked").length;
}

/**
 * Throws KeyRingError for the first rule the ring breaks; `where` names the file.
 * NOTE: a ring may have no active key (one made only of imported public keys); signing from it
 * then fails with a message, while the edge still trusts its keys.
 */
export function validateKeyRing(ring: KeyRing, where: string): void {
  if (ring.version !== 1) throw new KeyRingError(`${where}: version must be 1`);
  if (!Array.isArray(ring.groups)) throw new KeyRingError(`${where}: "groups" must be an array`);
  if (ring.groups.length > MAX_GROUPS) {
    throw new KeyRingError(
      `${where}: ${ring.groups.length} key groups, CloudFront allows ${MAX_GROUPS}`,
    );
  }
  const seen = new Set<string>();
  let active = 0;
  for (const group of ring.groups) {
    if (typeof group.name !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(group.name)) {
      throw new KeyRingError(`${where}: group name ${JSON.stringify(group.name)} is invalid`);
    }
    if (trustedCount(group) > MAX_KEYS_PER_GROUP) {
      throw new KeyRingError(
        `${where}: group ${group.name} has ${trustedCount(group)} keys, CloudFront allows ${MAX_KEYS_PER_GROUP}`,
      );
    }
    for (const key of group.keys) {
      const id = JSON.stringify(key.keyPairId);
      if (typeof key.keyPairId !== "string" || !KEY_PAIR_ID_PATTERN.test(key.keyPairId)) {
        throw new KeyRingError(
          `${where}: key pair id ${id} is not 13-14 upper-case letters and digits`,
        );
      }
      if (seen.has(key.keyPairId)) throw new KeyRingError(`${where}: key ${id} appears twice`);
      seen.add(key.keyPairId);
      if (!STATUSES.includes(key.status)) {
        throw new KeyRingError(
          `${where}: key ${id} has invalid status ${JSON.stringify(key.status)}`,
        );
      }
      if (key.algorithm !== "RSA" && key.algorithm !== "ECDSA_P256") {
        throw new KeyRingError(
          `${where}: key ${id} has invalid algorithm ${JSON.stringify(key.algorithm)}`,
        );
      }
      if (
        key.privateKeyFile !== undefined &&
        path.basename(key.privateKeyFile) !== key.privateKeyFile
      ) {
        throw new KeyRingError(
          `${where}: key ${id} privateKeyFile must be a file name in the key ring's folder`,
        );
      }
      if (key.status === "active") active++;
    }
  }
  if (active > 1)
    throw new KeyRingError(`${where}: ${active} keys are active; exactly one may sign`);
}

/** Reads and validates a key ring file. Synchronous so callers can check it per request. */
export function readKeyRing(file: string): KeyRing {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" ? "; create one with: npm run keys -- add" : "";
    throw new KeyRingError(`key ring ${file} cannot be read (${code ?? "unknown error"})${hint}`);
  }
  let ring: KeyRing;
  try {
    ring = JSON.parse(text) as KeyRing;
  } catch {
    throw new KeyRingError(`key ring ${file} is not valid JSON`);
  }
  validateKeyRing(ring, `key ring ${file}`);
  return ring;
}

/**
 * Writes a key ring atomically: a temporary file in the same folder, then a rename, so a
 * running edge never reads half a file.
 * NOTE: there is no lock, so two writers that read the same ring keep only the later change.
 */
export async function writeKeyRing(file: string, ring: KeyRing): Promise<void> {
  validateKeyRing(ring, `key ring ${file}`);
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o644 });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Finds a key by id in any group. */
export function findKey(ring: KeyRing, keyPairId: string): KeyRingEntry | undefined {
  for (const group of ring.groups) {
    const key = group.keys.find((entry) => entry.keyPairId === keyPairId);
    if (key) return key;
  }
  return undefined;
}

/** Returns the signing key, or undefined when no key is active. */
export function activeKeyOf(ring: KeyRing): KeyRingEntry | undefined {
  return ring.groups.flatMap((group) => group.keys).find((key) => key.status === "active");
}

/** Parses every trusted public key of a ring: added, active and retired keys, not revoked ones. */
export function trustedPublicKeys(ring: KeyRing): TrustedPublicKey[] {
  return ring.groups
    .flatMap((group) => group.keys)
    .filter((key) => key.status !== "revoked")
    .map((key) => {
      const { publicKey, algorithm } = parsePublicKeyPem(key.publicKeyPem, `key ${key.keyPairId}`);
      return { keyPairId: key.keyPairId, algorithm, publicKey };
    });
}

/** Returns why a key pair id is not trusted by the ring, for denial reasons. */
export function untrustedReason(ring: KeyRing): (keyPairId: string) => string {
  const revoked = new Set(
    ring.groups.flatMap((group) =>
      group.keys.filter((key) => key.status === "revoked").map((key) => key.keyPairId),
    ),
  );
  return (keyPairId) =>
    revoked.has(keyPairId)
      ? "revoked: it was removed from its key group"
      : "not in any trusted key group";
}

/** Builds the lookup the verifier uses, parsing every trusted public key once. */
export function trustedKeysOf(ring: KeyRing): TrustedKeyLookup {
  const trusted = new Map(trustedPublicKeys(ring).map((key) => [key.keyPairId, key]));
  return { find: (keyPairId) => trusted.get(keyPairId), describeUntrusted: untrustedReason(ring) };
}
