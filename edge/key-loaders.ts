import "server-only";

import { readFileSync } from "node:fs";

import { readKeyRing, trustedKeysOf } from "@/lib/cloudfront/key-ring";
import { parsePublicKeyPem } from "@/lib/cloudfront/public-key";
import type { TrustedPublicKey } from "@/lib/cloudfront/types";

import type { LoadedKeys } from "./key-source";

/** Loads the key ring file: keys that are active, added or retired are trusted. */
export function loadKeyRing(file: string): LoadedKeys {
  const ring = readKeyRing(file);
  const keys = ring.groups.flatMap((group) => group.keys);
  return {
    keys: trustedKeysOf(ring),
    summary: {
      trusted: keys.filter((key) => key.status !== "revoked").map((key) => key.keyPairId),
      revoked: keys.filter((key) => key.status === "revoked").map((key) => key.keyPairId),
    },
  };
}

/**
 * Returns a loader that trusts one public key PEM file under `keyPairId`, for an edge set up
 * with CLOUDFRONT_PUBLIC_KEY_FILE and CLOUDFRONT_KEY_PAIR_ID instead of a key ring.
 */
export function fixedKeyLoader(keyPairId: string): (file: string) => LoadedKeys {
  return (file) => {
    let pem: string;
    try {
      pem = readFileSync(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
      throw new Error(`CLOUDFRONT_PUBLIC_KEY_FILE ${file} cannot be read (${code})`);
    }
    const parsed = parsePublicKeyPem(pem, `CLOUDFRONT_PUBLIC_KEY_FILE ${file}`);
    const key: TrustedPublicKey = { keyPairId, ...parsed };
    return {
      keys: {
        find: (id) => (id === keyPairId ? key : undefined),
        describeUntrusted: () => `not the configured CLOUDFRONT_KEY_PAIR_ID ${keyPairId}`,
      },
      summary: { trusted: [keyPairId] },
    };
  };
}
