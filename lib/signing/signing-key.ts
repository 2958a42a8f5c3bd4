import "server-only";

import type { KeyObject } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { activeKeyOf, findKey, readKeyRing } from "@/lib/cloudfront/key-ring";
import { parsePublicKeyPem, spkiOf } from "@/lib/cloudfront/public-key";
import type { HashAlgorithm, KeyAlgorithm } from "@/lib/cloudfront/types";
import type { Config } from "@/lib/config";

import { parsePrivateKey } from "./private-key";
import type { SigningKey } from "./sign";

/** No usable signing key. The message names the setting or file, never key material. */
export class SigningSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningSetupError";
  }
}

/**
 * Picks SHA-256 for ECDSA keys, as the AWS CLI always does, and keeps CloudFront's SHA-1 default
 * for RSA keys unless CLOUDFRONT_HASH_ALGORITHM sets another.
 */
function defaultHash(
  algorithm: KeyAlgorithm,
  configured: HashAlgorithm | undefined,
): HashAlgorithm {
  return configured ?? (algorithm === "ECDSA_P256" ? "SHA256" : "SHA1");
}

const RING_CHECK_INTERVAL_MS = 1000;

/**
 * Resolves the key that signs links: CLOUDFRONT_PRIVATE_KEY or CLOUDFRONT_PRIVATE_KEY_FILE with
 * CLOUDFRONT_KEY_PAIR_ID when set, else the key ring's active key. The key ring's mtime is
 * checked at most once a second, so `npm run keys -- activate` takes effect without a restart.
 * Every private key is parsed once.
 */
export class SigningKeySource {
  private fixed: SigningKey | undefined;
  private ringKey: SigningKey | undefined;
  private ringMtimeMs = -1;
  private checkedAtMs = Number.NEGATIVE_INFINITY;
  private readonly parsed = new Map<string, SigningKey>();

  constructor(
    private readonly config: Config,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Returns the current signing key, or throws SigningSetupError saying what to fix. */
  current(): SigningKey {
    if (this.config.cloudfront.privateKey) {
      this.fixed ??= this.loadConfiguredKey();
      return this.fixed;
    }
    const nowMs = this.clock();
    if (this.ringKey && nowMs - this.checkedAtMs < RING_CHECK_INTERVAL_MS) return this.ringKey;
    this.checkedAtMs = nowMs;
    const file = this.config.cloudfront.keyRingFile;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      throw new SigningSetupError(
        `no signing key: key ring ${file} does not exist; run npm start once or npm run keys -- add, or set CLOUDFRONT_PRIVATE_KEY_FILE`,
      );
    }
    if (!this.ringKey || mtimeMs !== this.ringMtimeMs) {
      this.ringKey = this.loadRingKey(file);
      this.ringMtimeMs = mtimeMs;
    }
    return this.ringKey;
  }

  private loadConfiguredKey(): SigningKey {
    const { cloudfront } = this.config;
    const source = cloudfront.privateKey ?? {};
    const variable = "file" in source ? "CLOUDFRONT_PRIVATE_KEY_FILE" : "CLOUDFRONT_PRIVATE_KEY";
    const label = "file" in source ? `${variable} ${source.file}` : variable;
    if (!cloudfront.keyPairId) {
      throw new SigningSetupError(`CLOUDFRONT_KEY_PAIR_ID is required when ${variable} is set`);
    }

    const { privateKey, algorithm } = wrap(() =>
      parsePrivateKey({
        ...source,
        passphrase: cloudfront.privateKeyPassphrase,
        label,
        passphraseLabel: "CLOUDFRONT_PRIVATE_KEY_PASSPHRASE",
      }),
    );
    this.assertMatchesTrustedKey(privateKey, label, cloudfront.keyPairId);

    const hashAlgorithm = defaultHash(algorithm, cloudfront.hashAlgorithm);
    return { keyPairId: cloudfront.keyPairId, algorithm, privateKey, hashAlgorithm };
  }

  /**
   * Compares a configured private key with the public key trusted for its id: the one in
   * CLOUDFRONT_PUBLIC_KEY_FILE, else the key ring's entry when the ring has one.
   */
  private assertMatchesTrustedKey(privateKey: KeyObject, label: string, keyPairId: string): void {
    const { publicKeyFile, keyRingFile } = this.config.cloudfront;
    let publicKeyPem: string | undefined;
    let trustedBy: string;
    if (publicKeyFile) {
      publicKeyPem = wrap(() => readText(publicKeyFile));
      trustedBy = `CLOUDFRONT_PUBLIC_KEY_FILE ${publicKeyFile}`;
    } else {
      if (!existsSync(keyRingFile)) return;
      const entry = findKey(
        wrap(() => readKeyRing(keyRingFile)),
        keyPairId,
      );
      if (!entry || entry.status === "revoked") return;
      publicKeyPem = entry.publicKeyPem;
      trustedBy = `the public key of ${keyPairId} in key ring ${keyRingFile}`;
    }
    const trusted = wrap(() => parsePublicKeyPem(publicKeyPem ?? "", trustedBy));
    if (!spkiOf(privateKey).equals(spkiOf(trusted.publicKey))) {
      throw new SigningSetupError(
        `${label} does not match ${trustedBy}: the two are not one key pair`,
      );
    }
  }

  private loadRingKey(file: string): SigningKey {
    const ring = wrap(() => readKeyRing(file));
    const entry = activeKeyOf(ring);
    if (!entry) {
      throw new SigningSetupError(
        `key ring ${file} has no active key; run npm run keys -- activate ID`,
      );
    }
    if (!entry.privateKeyFile) {
      throw new SigningSetupError(`active key ${entry.keyPairId} in ${file} has no privateKeyFile`);
    }

    const keyFile = path.join(path.dirname(file), entry.privateKeyFile);
    const cacheKey = `${entry.keyPairId}\n${keyFile}`;
    const cached = this.parsed.get(cacheKey);
    if (cached) return cached;

    const label = `private key file ${keyFile} of key ${entry.keyPairId}`;
    const { privateKey, algorithm } = wrap(() => parsePrivateKey({ file: keyFile, label }));

    const trusted = findKey(ring, entry.keyPairId);
    const publicKey = wrap(() =>
      parsePublicKeyPem(trusted?.publicKeyPem ?? "", `key ${entry.keyPairId} in ${file}`),
    );
    if (!spkiOf(privateKey).equals(spkiOf(publicKey.publicKey))) {
      throw new SigningSetupError(
        `${label} does not match the public key of ${entry.keyPairId} in ${file}`,
      );
    }

    const key: SigningKey = {
      keyPairId: entry.keyPairId,
      algorithm,
      privateKey,
      hashAlgorithm: defaultHash(algorithm, this.config.cloudfront.hashAlgorithm),
    };
    this.parsed.set(cacheKey, key);
    return key;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new SigningSetupError(`CLOUDFRONT_PUBLIC_KEY_FILE ${file} cannot be read (${code})`);
  }
}

/** Runs a parser and turns its error into a SigningSetupError with the same message. */
function wrap<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SigningSetupError) throw error;
    throw new SigningSetupError((error as Error).message);
  }
}
