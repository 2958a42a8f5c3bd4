import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { activeKeyOf, readKeyRing, writeKeyRing } from "@/lib/cloudfront/key-ring";
import { activateKey, addKey } from "@/lib/cloudfront/key-ring-edit";
import { loadConfig as parseEnv } from "@/lib/config";

import { checkSigningSetup } from "./canary";
import { ensureDevelopmentKeyRing, generateKeyFiles } from "./development-keys";
import { SigningKeySource } from "./signing-key";

const loadConfig = (env: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...env });
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "berkas-signing-"));

function pemPair(type: "rsa" | "ec") {
  const pair =
    type === "rsa"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    privatePem: pair.privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicPem: pair.publicKey.export({ format: "pem", type: "spki" }).toString(),
  };
}

describe("ensureDevelopmentKeyRing", () => {
  it("creates one ECDSA key once", async () => {
    const dir = tempDir();
    const first = await ensureDevelopmentKeyRing(dir);
    expect(first).toEqual({ created: true, file: path.join(dir, "key-ring.json") });
    const ring = readKeyRing(first.file);
    const active = activeKeyOf(ring);
    expect(active?.algorithm).toBe("ECDSA_P256");
    expect(statSync(path.join(dir, active?.privateKeyFile ?? "")).mode & 0o777).toBe(0o600);
    expect(await ensureDevelopmentKeyRing(dir)).toEqual({ created: false, file: first.file });
    expect(readdirSync(dir).sort()).toEqual([active?.privateKeyFile, "key-ring.json"].sort());
  });

  it("lets one of two racing callers win", async () => {
    const dir = tempDir();
    const results = await Promise.all([
      ensureDevelopmentKeyRing(dir),
      ensureDevelopmentKeyRing(dir),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    const ring = readKeyRing(path.join(dir, "key-ring.json"));
    expect(readdirSync(dir).sort()).toEqual(
      [activeKeyOf(ring)?.privateKeyFile, "key-ring.json"].sort(),
    );
  });
});

describe("SigningKeySource", () => {
  it("uses the configured key with its id", () => {
    const { privatePem } = pemPair("ec");
    const config = loadConfig({
      CLOUDFRONT_PRIVATE_KEY: privatePem,
      CLOUDFRONT_KEY_PAIR_ID: "K2ENVKEY000001",
    });
    const source = new SigningKeySource(config);
    const key = source.current();
    expect(key.keyPairId).toBe("K2ENVKEY000001");
    expect(key.hashAlgorithm).toBe("SHA256");
    expect(source.current()).toBe(key);
  });

  it("defaults RSA keys to SHA1 unless configured", () => {
    const { privatePem } = pemPair("rsa");
    const env = { CLOUDFRONT_PRIVATE_KEY: privatePem, CLOUDFRONT_KEY_PAIR_ID: "K2ENVKEY000001" };
    expect(new SigningKeySource(loadConfig(env)).current().hashAlgorithm).toBe("SHA1");
    const sha256 = loadConfig({ ...env, CLOUDFRONT_HASH_ALGORITHM: "SHA256" });
    expect(new SigningKeySource(sha256).current().hashAlgorithm).toBe("SHA256");
  });

  it("requires CLOUDFRONT_KEY_PAIR_ID with a configured key", () => {
    const config = loadConfig({ CLOUDFRONT_PRIVATE_KEY: pemPair("ec").privatePem });
    expect(() => new SigningKeySource(config).current()).toThrow(
      "CLOUDFRONT_KEY_PAIR_ID is required when CLOUDFRONT_PRIVATE_KEY is set",
    );
  });

  it("rejects a private key that does not match the public key", () => {
    const dir = tempDir();
    const privateFile = path.join(dir, "private.pem");
    const publicFile = path.join(dir, "public.pem");
    const { privatePem } = pemPair("ec");
    writeFileSync(privateFile, privatePem);
    writeFileSync(publicFile, pemPair("ec").publicPem);
    const config = loadConfig({
      CLOUDFRONT_PRIVATE_KEY_FILE: privateFile,
      CLOUDFRONT_PUBLIC_KEY_FILE: publicFile,
      CLOUDFRONT_KEY_PAIR_ID: "K2ENVKEY000001",
    });
    let message = "";
    try {
      new SigningKeySource(config).current();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      `CLOUDFRONT_PRIVATE_KEY_FILE ${privateFile} does not match CLOUDFRONT_PUBLIC_KEY_FILE ${publicFile}: the two are not one key pair`,
    );
    for (const line of privatePem
      .split("\n")
      .filter((text) => text.length > 8 && !text.startsWith("---"))) {
      expect(message).not.toContain(line);
    }
  });

  it("rejects a configured key that the key ring trusts differently", async () => {
    const { file } = await ensureDevelopmentKeyRing(tempDir());
    const activeId = activeKeyOf(readKeyRing(file))?.keyPairId ?? "";
    const config = loadConfig({
      CLOUDFRONT_KEY_RING_FILE: file,
      CLOUDFRONT_PRIVATE_KEY: pemPair("ec").privatePem,
      CLOUDFRONT_KEY_PAIR_ID: activeId,
    });
    expect(() => new SigningKeySource(config).current()).toThrow(
      `CLOUDFRONT_PRIVATE_KEY does not match the public key of ${activeId} in key ring ${file}: the two are not one key pair`,
    );
  });

  it("rejects a key ring whose private key file belongs to another key", async () => {
    const dir = tempDir();
    const { file } = await ensureDevelopmentKeyRing(dir);
    const ring = readKeyRing(file);
    const active = activeKeyOf(ring);
    writeFileSync(path.join(dir, active?.privateKeyFile ?? ""), pemPair("ec").privatePem);
    const source = new SigningKeySource(loadConfig({ CLOUDFRONT_KEY_RING_FILE: file }));
    expect(() => source.current()).toThrow(
      `private key file ${path.join(dir, active?.privateKeyFile ?? "")} of key ${active?.keyPairId} does not match the public key of ${active?.keyPairId} in ${file}`,
    );
  });

  it("follows the key ring's active key", async () => {
    const dir = tempDir();
    const { file } = await ensureDevelopmentKeyRing(dir);
    let clockMs = 1_000_000;
    const source = new SigningKeySource(
      loadConfig({ CLOUDFRONT_KEY_RING_FILE: file }),
      () => clockMs,
    );
    const first = source.current();
    expect(first.keyPairId).toBe(activeKeyOf(readKeyRing(file))?.keyPairId);

    const generated = await generateKeyFiles(dir, "RSA");
    let ring = addKey(readKeyRing(file), "berkas-local", generated).ring;
    ring = activateKey(ring, generated.keyPairId);
    await writeKeyRing(file, ring);
    // Some file systems keep whole-second mtimes, so the change is made visible explicitly.
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);

    clockMs += 999;
    expect(source.current()).toBe(first);
    clockMs += 1;
    const second = source.current();
    expect(second.keyPairId).toBe(generated.keyPairId);
    expect(second.algorithm).toBe("RSA");
    expect(second.hashAlgorithm).toBe("SHA1");

    // Switching back reuses the key parsed earlier.
    await writeKeyRing(file, activateKey(readKeyRing(file), first.keyPairId));
    const evenLater = new Date(later.getTime() + 5000);
    utimesSync(file, evenLater, evenLater);
    clockMs += 1000;
    expect(source.current()).toBe(first);
  });

  it("explains a missing key ring", () => {
    const file = path.join(tempDir(), "key-ring.json");
    const source = new SigningKeySource(loadConfig({ CLOUDFRONT_KEY_RING_FILE: file }));
    expect(() => source.current()).toThrow(
      `no signing key: key ring ${file} does not exist; run npm start once or npm run keys -- add, or set CLOUDFRONT_PRIVATE_KEY_FILE`,
    );
  });
});

describe("checkSigningSetup", () => {
  it("passes for the development key ring", async () => {
    const { file } = await ensureDevelopmentKeyRing(tempDir());
    await expect(
      checkSigningSetup(loadConfig({ CLOUDFRONT_KEY_RING_FILE: file })),
    ).resolves.toBeUndefined();
  });

  it("names an untrusted Key-Pair-Id", async () => {
    const { file } = await ensureDevelopmentKeyRing(tempDir());
    const config = loadConfig({
      CLOUDFRONT_KEY_RING_FILE: file,
      CLOUDFRONT_PRIVATE_KEY: pemPair("ec").privatePem,
      CLOUDFRONT_KEY_PAIR_ID: "K2NOTINTHERING",
    });
    await expect(checkSigningSetup(config)).rejects.toThrow(
      `signing check failed (InvalidKey): Key-Pair-Id K2NOTINTHERING is not trusted by key ring ${file}`,
    );
  });

  it("names a mismatched key pair", async () => {
    const { file } = await ensureDevelopmentKeyRing(tempDir());
    const activeId = activeKeyOf(readKeyRing(file))?.keyPairId ?? "";
    const config = loadConfig({
      CLOUDFRONT_KEY_RING_FILE: file,
      CLOUDFRONT_PRIVATE_KEY: pemPair("ec").privatePem,
      CLOUDFRONT_KEY_PAIR_ID: activeId,
    });
    // The key source compares the pair before the canary signs anything.
    await expect(checkSigningSetup(config)).rejects.toThrow(
      `CLOUDFRONT_PRIVATE_KEY does not match the public key of ${activeId} in key ring ${file}: the two are not one key pair`,
    );
  });
});
