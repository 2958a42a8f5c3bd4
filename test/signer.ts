import { generateKeyPairSync } from "node:crypto";

import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import type { DocumentLink, SignDocumentLink, SignLinkRequest } from "@/lib/documents/types";
import { AppError } from "@/lib/errors";
import { signUrl, type SigningKey } from "@/lib/signing/sign";

/** A signer for data-layer tests that records each request it receives. */
export interface RecordingSigner {
  signLink: SignDocumentLink;
  requests: SignLinkRequest[];
  /** The public half of the throwaway key, for verifying the URLs it signed. */
  trustedKeys: TrustedKeyLookup;
}

export const TEST_DISTRIBUTION_URL = "http://localhost:9";
export const TEST_LINK_TTL_SECONDS = 300;
export const TEST_KEY_PAIR_ID = "KTESTDATALAYER";

/**
 * Creates a signer with a throwaway ECDSA P-256 key and a fixed 5-minute TTL. It follows the
 * contract of `signDocumentLink` without reading the environment: canned-policy URLs that
 * expire at the TTL or at validUntil, whichever is first, in whole seconds rounded down,
 * and AppError("forbidden") when no second of validity remains.
 */
export function recordingSigner(): RecordingSigner {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const key: SigningKey = {
    keyPairId: TEST_KEY_PAIR_ID,
    algorithm: "ECDSA_P256",
    privateKey,
    hashAlgorithm: "SHA256",
  };
  const trusted = { keyPairId: TEST_KEY_PAIR_ID, algorithm: "ECDSA_P256" as const, publicKey };
  const requests: SignLinkRequest[] = [];

  const signLink = (request: SignLinkRequest): DocumentLink => {
    requests.push(request);
    const now = request.now ?? new Date();
    const endMs = Math.min(
      now.getTime() + TEST_LINK_TTL_SECONDS * 1000,
      request.validUntil?.getTime() ?? Infinity,
    );
    const dateLessThan = new Date(Math.floor(endMs / 1000) * 1000);
    if (dateLessThan.getTime() <= now.getTime()) {
      throw new AppError("forbidden", "This document is no longer available.");
    }
    return signUrl({ key, url: `${TEST_DISTRIBUTION_URL}/${request.objectKey}`, dateLessThan });
  };

  return {
    signLink,
    requests,
    trustedKeys: { find: (id) => (id === TEST_KEY_PAIR_ID ? trusted : undefined) },
  };
}
