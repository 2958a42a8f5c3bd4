import { generateKeyPairSync } from "node:crypto";

import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import type {
  DocumentCookies,
  DocumentLink,
  SignCookiesRequest,
  SignDocumentCookies,
  SignDocumentLink,
  SignLinkRequest,
} from "@/lib/documents/types";
import { AppError } from "@/lib/errors";
import { signCookies, signUrl, type SigningKey } from "@/lib/signing/sign";
import { encodeObjectKey } from "@/lib/signing/url";

/** A signer for data-layer tests that records each request it receives. */
export interface RecordingSigner {
  signLink: SignDocumentLink;
  requests: SignLinkRequest[];
  signCookies: SignDocumentCookies;
  cookieRequests: SignCookiesRequest[];
  /** The public half of the throwaway key, for verifying the URLs and cookies it signed. */
  trustedKeys: TrustedKeyLookup;
}

export const TEST_DISTRIBUTION_URL = "http://localhost:9";
export const TEST_LINK_TTL_SECONDS = 300;
export const TEST_KEY_PAIR_ID = "KTESTDATALAYER";

/** Returns the TTL end or validUntil, whichever is first, in whole seconds rounded down. */
function expiryOf(now: Date, validUntil: Date | null): Date {
  const endMs = Math.min(
    now.getTime() + TEST_LINK_TTL_SECONDS * 1000,
    validUntil?.getTime() ?? Infinity,
  );
  const dateLessThan = new Date(Math.floor(endMs / 1000) * 1000);
  if (dateLessThan.getTime() <= now.getTime()) {
    throw new AppError("forbidden", "This document is no longer available.");
  }
  return dateLessThan;
}

/**
 * Creates a signer with a throwaway ECDSA P-256 key and a fixed 5-minute TTL. It follows the
 * contracts of `signDocumentLink` and `signDocumentCookies` without reading the environment.
 * It signs canned-policy URLs and custom-policy cookies for `<prefix>*`, which expire at the
 * TTL or at validUntil, whichever is first, in whole seconds rounded down. It throws
 * AppError("forbidden") when no second of validity remains.
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
  const cookieRequests: SignCookiesRequest[] = [];

  const signLink = (request: SignLinkRequest): DocumentLink => {
    requests.push(request);
    const dateLessThan = expiryOf(request.now ?? new Date(), request.validUntil);
    return signUrl({ key, url: `${TEST_DISTRIBUTION_URL}/${request.objectKey}`, dateLessThan });
  };

  const signDocumentCookies = (request: SignCookiesRequest): DocumentCookies => {
    cookieRequests.push(request);
    const dateLessThan = expiryOf(request.now ?? new Date(), request.validUntil);
    const path = `/${encodeObjectKey(request.resourcePrefix)}`;
    const resource = `${TEST_DISTRIBUTION_URL}${path}*`;
    return { ...signCookies({ key, resource, dateLessThan }), path };
  };

  return {
    signLink,
    requests,
    signCookies: signDocumentCookies,
    cookieRequests,
    trustedKeys: { find: (id) => (id === TEST_KEY_PAIR_ID ? trusted : undefined) },
  };
}
