import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { signUrl, type SigningKey } from "@/lib/signing/sign";

import {
  activeKeyOf,
  readKeyRing,
  trustedKeysOf,
  writeKeyRing,
  type KeyRing,
  type KeyRingEntry,
} from "./key-ring";
import {
  activateKey,
  addKey,
  emptyKeyRing,
  generateKeyPairId,
  retireKey,
  revokeKey,
} from "./key-ring-edit";
import { verifyViewerRequest } from "./verify";

const ORIGIN = "http://localhost:3001";
const NOW = new Date("2026-12-05T10:00:00Z");

function newKey(privateKeyFile?: string) {
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const keyPairId = generateKeyPairId();
  const entry: Omit<KeyRingEntry, "status"> = {
    keyPairId,
    algorithm: "ECDSA_P256",
    publicKeyPem: pair.publicKey.export({ format: "pem", type: "spki" }).toString(),
    createdAt: NOW.toISOString(),
    ...(privateKeyFile === undefined ? {} : { privateKeyFile }),
  };
  const signing: SigningKey = {
    keyPairId,
    algorithm: "ECDSA_P256",
    privateKey: pair.privateKey,
    hashAlgorithm: "SHA256",
  };
  return { entry, signing };
}

function verify(ring: KeyRing, url: string) {
  return verifyViewerRequest(
    {
      origin: ORIGIN,
      rawTarget: url.slice(ORIGIN.length),
      cookieHeader: undefined,
      clientIp: "127.0.0.1",
    },
    trustedKeysOf(ring),
    NOW,
  );
}

const link = (key: SigningKey) =>
  signUrl({ key, url: `${ORIGIN}/documents/a`, dateLessThan: new Date(NOW.getTime() + 60_000) })
    .url;

describe("key ring", () => {
  it("generates CloudFront-style key pair ids", () => {
    for (let i = 0; i < 20; i++) expect(generateKeyPairId()).toMatch(/^K[A-Z0-9]{13}$/);
  });

  it("makes the first signing key active", () => {
    const first = newKey("first.pem");
    const second = newKey("second.pem");
    let ring = addKey(emptyKeyRing(), "berkas-local", first.entry).ring;
    ring = addKey(ring, "berkas-local", second.entry).ring;
    expect(activeKeyOf(ring)?.keyPairId).toBe(first.entry.keyPairId);
    expect(ring.groups[0]?.keys.map((key) => key.status)).toEqual(["active", "added"]);
  });

  it("revokes a key's links at once", () => {
    const old = newKey("old.pem");
    const next = newKey("next.pem");
    let ring = addKey(emptyKeyRing(), "berkas-local", old.entry).ring;
    ring = addKey(ring, "berkas-local", next.entry).ring;
    const oldLink = link(old.signing);
    expect(verify(ring, oldLink).allowed).toBe(true);

    ring = activateKey(ring, next.entry.keyPairId);
    expect(ring.groups[0]?.keys.map((key) => key.status)).toEqual(["retired", "active"]);
    expect(verify(ring, oldLink).allowed).toBe(true);

    ring = revokeKey(ring, old.entry.keyPairId);
    const verdict = verify(ring, oldLink);
    expect(verdict.allowed ? null : verdict.code).toBe("InvalidKey");
    expect(verdict.allowed ? "" : verdict.reason).toBe(
      `key "${old.entry.keyPairId}" is revoked: it was removed from its key group`,
    );
    expect(verify(ring, link(next.signing)).allowed).toBe(true);
  });

  it("refuses to revoke or retire the active key", () => {
    const only = newKey("only.pem");
    const ring = addKey(emptyKeyRing(), "berkas-local", only.entry).ring;
    const message = `key ${only.entry.keyPairId} is the active signing key; activate another key first (npm run keys -- activate ID), then revoke it`;
    expect(() => revokeKey(ring, only.entry.keyPairId)).toThrow(message);
    expect(() => retireKey(ring, only.entry.keyPairId)).toThrow("then retire it");
  });

  it("refuses to activate revoked or public-only keys", () => {
    const active = newKey("a.pem");
    const imported = newKey();
    let ring = addKey(emptyKeyRing(), "berkas-local", active.entry).ring;
    ring = addKey(ring, "berkas-local", imported.entry).ring;
    expect(() => activateKey(ring, imported.entry.keyPairId)).toThrow(
      `key ${imported.entry.keyPairId} has no private key file, so it cannot sign here`,
    );
    ring = revokeKey(ring, imported.entry.keyPairId);
    expect(() => activateKey(ring, imported.entry.keyPairId)).toThrow(
      "is revoked and cannot sign again",
    );
    expect(() => activateKey(ring, "K0000000000000")).toThrow(
      `key K0000000000000 not found in the key ring (keys: ${active.entry.keyPairId}, ${imported.entry.keyPairId})`,
    );
  });

  it("allows five keys in a group", () => {
    let ring = emptyKeyRing();
    const keys = Array.from({ length: 6 }, (_, i) => newKey(`k${i}.pem`));
    for (const key of keys.slice(0, 5)) ring = addKey(ring, "berkas-local", key.entry).ring;
    const sixth = keys[5]?.entry ?? newKey().entry;
    expect(() => addKey(ring, "berkas-local", sixth)).toThrow(
      "key group berkas-local is full: CloudFront allows 5 public keys per group; revoke one or use --group",
    );
    // A revoked key is no longer in the group in CloudFront's model, so it frees a place.
    ring = revokeKey(ring, keys[4]?.entry.keyPairId ?? "");
    expect(addKey(ring, "berkas-local", sixth).entry.status).toBe("added");
  });

  it("allows four groups", () => {
    let ring = emptyKeyRing();
    for (const name of ["g1", "g2", "g3", "g4"])
      ring = addKey(ring, name, newKey(`${name}.pem`).entry).ring;
    expect(() => addKey(ring, "g5", newKey().entry)).toThrow(
      "cannot create key group g5: CloudFront allows 4 key groups per cache behavior and the ring has g1, g2, g3, g4",
    );
  });

  it("writes atomically and reads back", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "berkas-ring-"));
    const file = path.join(dir, "key-ring.json");
    const ring = addKey(emptyKeyRing(), "berkas-local", newKey("a.pem").entry).ring;
    await writeKeyRing(file, ring);
    expect(readKeyRing(file)).toEqual(ring);
    expect(readdirSync(dir)).toEqual(["key-ring.json"]);
  });

  it("rejects invalid key ring files", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "berkas-ring-"));
    const file = path.join(dir, "key-ring.json");
    expect(() => readKeyRing(file)).toThrow(
      `key ring ${file} cannot be read (ENOENT); create one with: npm run keys -- add`,
    );
    writeFileSync(file, "{");
    expect(() => readKeyRing(file)).toThrow(`key ring ${file} is not valid JSON`);
    const valid = addKey(emptyKeyRing(), "berkas-local", newKey("a.pem").entry).ring;
    const broken = (change: (ring: KeyRing) => void) => {
      const copy = structuredClone(valid);
      change(copy);
      writeFileSync(file, JSON.stringify(copy));
      return () => readKeyRing(file);
    };
    expect(
      broken((ring) => ((ring.groups[0]?.keys[0] ?? ({} as KeyRingEntry)).keyPairId = "k1")),
    ).toThrow('key pair id "k1" is not 13-14 upper-case letters and digits');
    expect(
      broken(
        (ring) => ((ring.groups[0]?.keys[0] ?? ({} as KeyRingEntry)).privateKeyFile = "../x.pem"),
      ),
    ).toThrow("privateKeyFile must be a file name in the key ring's folder");
    expect(
      broken((ring) =>
        ring.groups[0]?.keys.push({
          ...(ring.groups[0]?.keys[0] as KeyRingEntry),
          keyPairId: "K22222222222222".slice(0, 14),
        }),
      ),
    ).toThrow("2 keys are active; exactly one may sign");
    expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(1);
  });
});
