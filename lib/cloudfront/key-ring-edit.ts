import { randomInt } from "node:crypto";

import {
  activeKeyOf,
  findKey,
  KeyRingError,
  MAX_GROUPS,
  MAX_KEYS_PER_GROUP,
  trustedCount,
  type KeyRing,
  type KeyRingEntry,
} from "./key-ring";

/**
 * Pure changes to a key ring. Each returns a new ring and leaves the input untouched, so a
 * failed change never reaches the file.
 */

export const DEFAULT_GROUP = "berkas-local";

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Generates a 14-character id in CloudFront's format: `K` and 13 upper-case alphanumerics. */
export function generateKeyPairId(): string {
  let id = "K";
  for (let i = 0; i < 13; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

export function emptyKeyRing(): KeyRing {
  return { version: 1, groups: [] };
}

function copy(ring: KeyRing): KeyRing {
  return structuredClone(ring);
}

function requireKey(ring: KeyRing, keyPairId: string): KeyRingEntry {
  const key = findKey(ring, keyPairId);
  if (!key) {
    const known = ring.groups.flatMap((group) => group.keys.map((entry) => entry.keyPairId));
    const list = known.length > 0 ? known.join(", ") : "none";
    throw new KeyRingError(`key ${keyPairId} not found in the key ring (keys: ${list})`);
  }
  return key;
}

/**
 * Adds a key to a group, creating the group if needed. The key becomes active when the ring
 * has no active key and the key can sign (it has a private key file), else `added`.
 */
export function addKey(
  ring: KeyRing,
  groupName: string,
  key: Omit<KeyRingEntry, "status">,
): { ring: KeyRing; entry: KeyRingEntry } {
  const next = copy(ring);
  if (findKey(next, key.keyPairId)) {
    throw new KeyRingError(`key ${key.keyPairId} is already in the key ring`);
  }
  let group = next.groups.find((candidate) => candidate.name === groupName);
  if (!group) {
    if (next.groups.length >= MAX_GROUPS) {
      const names = next.groups.map((candidate) => candidate.name).join(", ");
      throw new KeyRingError(
        `cannot create key group ${groupName}: CloudFront allows ${MAX_GROUPS} key groups per cache behavior and the ring has ${names}`,
      );
    }
    group = { name: groupName, keys: [] };
    next.groups.push(group);
  }
  if (trustedCount(group) >= MAX_KEYS_PER_GROUP) {
    throw new KeyRingError(
      `key group ${groupName} is full: CloudFront allows ${MAX_KEYS_PER_GROUP} public keys per group; revoke one or use --group`,
    );
  }
  const canSign = key.privateKeyFile !== undefined;
  const entry: KeyRingEntry = {
    ...key,
    status: canSign && !activeKeyOf(next) ? "active" : "added",
  };
  group.keys.push(entry);
  return { ring: next, entry };
}

/** Makes a key the signing key; the previous active key becomes retired and stays trusted. */
export function activateKey(ring: KeyRing, keyPairId: string): KeyRing {
  const next = copy(ring);
  const key = requireKey(next, keyPairId);
  if (key.status === "revoked") {
    throw new KeyRingError(`key ${keyPairId} is revoked and cannot sign again; add a new key`);
  }
  if (key.privateKeyFile === undefined) {
    throw new KeyRingError(
      `key ${keyPairId} has no private key file, so it cannot sign here; to sign with a key held elsewhere set CLOUDFRONT_PRIVATE_KEY_FILE and CLOUDFRONT_KEY_PAIR_ID`,
    );
  }
  const previous = activeKeyOf(next);
  if (previous && previous !== key) previous.status = "retired";
  key.status = "active";
  return next;
}

function requireNotActive(key: KeyRingEntry, action: string): void {
  if (key.status === "active") {
    throw new KeyRingError(
      `key ${key.keyPairId} is the active signing key; activate another key first (npm run keys -- activate ID), then ${action} it`,
    );
  }
}

/** Keeps a key trusted but stops it signing, so links it signed keep working. */
export function retireKey(ring: KeyRing, keyPairId: string): KeyRing {
  const next = copy(ring);
  const key = requireKey(next, keyPairId);
  requireNotActive(key, "retire");
  if (key.status === "revoked") throw new KeyRingError(`key ${keyPairId} is already revoked`);
  key.status = "retired";
  return next;
}

/** Removes a key from trust: every link it signed fails with InvalidKey from now on. */
export function revokeKey(ring: KeyRing, keyPairId: string): KeyRing {
  const next = copy(ring);
  const key = requireKey(next, keyPairId);
  requireNotActive(key, "revoke");
  key.status = "revoked";
  return next;
}
