import "server-only";

import { readFileSync } from "node:fs";

import { readKeyRing, trustedKeysOf } from "@/lib/cloudfront/key-ring";
import { parsePublicKeyPem } from "@/lib/cloudfront/public-key";
import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import { verifyViewerRequest } from "@/lib/cloudfront/verify";
import { getConfig, type Config } from "@/lib/config";

import { signingKeySource } from "./document-link";
import { signUrl } from "./sign";
import { SigningSetupError } from "./signing-key";

const CANARY_PATH = "/.well-known/berkas-signing-canary";

function configuredTrust(
  config: Config,
  keyPairId: string,
): { keys: TrustedKeyLookup; from: string } {
  const file = config.cloudfront.publicKeyFile;
  if (file === undefined) {
    const ringFile = config.cloudfront.keyRingFile;
    try {
      return { keys: trustedKeysOf(readKeyRing(ringFile)), from: `key ring ${ringFile}` };
    } catch (error) {
      throw new SigningSetupError(`signing check failed: ${(error as Error).message}`);
    }
  }
  const label = `CLOUDFRONT_PUBLIC_KEY_FILE ${file}`;
  let trusted: ReturnType<typeof parsePublicKeyPem>;
  try {
    trusted = parsePublicKeyPem(readFileSync(file, "utf8"), label);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code ? `${label} cannot be read (${code})` : (error as Error).message;
    throw new SigningSetupError(`signing check failed: ${detail}`);
  }
  const entry = { keyPairId, ...trusted };
  return { keys: { find: (id) => (id === keyPairId ? entry : undefined) }, from: label };
}

/**
 * Signs a canary URL with the configured signing key and verifies it the way the edge will,
 * against the key ring or CLOUDFRONT_PUBLIC_KEY_FILE. Throws SigningSetupError when the
 * Key-Pair-Id is not trusted or the key pair does not match; the message has no key material.
 */
export async function checkSigningSetup(
  config: Config = getConfig(),
  now = new Date(),
): Promise<void> {
  const key = signingKeySource(config).current();
  const trustedId = config.cloudfront.keyPairId ?? key.keyPairId;
  const { keys, from } = configuredTrust(config, trustedId);
  const base = new URL(config.cloudfront.url);
  const url = `${config.cloudfront.url}${CANARY_PATH}`;
  const signed = signUrl({ key, url, dateLessThan: new Date(now.getTime() + 60_000) });
  const verdict = verifyViewerRequest(
    {
      origin: base.origin,
      rawTarget: signed.url.slice(base.origin.length),
      cookieHeader: undefined,
      clientIp: "127.0.0.1",
    },
    keys,
    now,
  );
  if (verdict.allowed) return;
  const hint =
    verdict.code === "InvalidKey"
      ? `Key-Pair-Id ${key.keyPairId} is not trusted by ${from}; check CLOUDFRONT_KEY_PAIR_ID or add the public key with npm run keys -- add --public-key FILE --key-pair-id ${key.keyPairId}`
      : `the private key does not match the public key that ${from} trusts for ${key.keyPairId}`;
  throw new SigningSetupError(`signing check failed (${verdict.code}): ${hint}. ${verdict.reason}`);
}
