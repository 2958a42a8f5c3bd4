import type { KeyObject } from "node:crypto";

/**
 * Types shared by the signer (lib/signing), the verifier (lib/cloudfront/verify) and the
 * edge server (edge/). Everything here describes CloudFront's wire protocol.
 */

/** CloudFront's 403 error codes, each with a fixed single-line XML body. */
export type CloudFrontErrorCode =
  "MissingKey" | "InvalidKey" | "AccessDenied" | "MalformedPolicy" | "MalformedSignature";

export type HashAlgorithm = "SHA1" | "SHA256";

export type KeyAlgorithm = "RSA" | "ECDSA_P256";

/** A public key CloudFront would find in one of a cache behavior's trusted key groups. */
export interface TrustedPublicKey {
  keyPairId: string;
  algorithm: KeyAlgorithm;
  publicKey: KeyObject;
}

/** Looks up a Key-Pair-Id among the trusted keys; undefined means InvalidKey. */
export interface TrustedKeyLookup {
  find(keyPairId: string): TrustedPublicKey | undefined;
  /** Optionally returns why an id is not trusted (for example "revoked"), for messages only. */
  describeUntrusted?(keyPairId: string): string | undefined;
}

/** The parts of one viewer request that the verifier reads, exactly as they arrived. */
export interface ViewerRequest {
  /** Scheme and host the resource is rebuilt with, e.g. `http://localhost:3001`. */
  origin: string;
  /** The raw request-target (path and query) from the request line, never decoded. */
  rawTarget: string;
  /** The raw Cookie header, if any. */
  cookieHeader: string | undefined;
  /** The TCP peer address, used for AWS:SourceIp (an IPv6 peer never matches). */
  clientIp: string;
}

/** The signing parameters CloudFront reads, from the query (URL mode) or cookies. */
export type SigningMode = "url" | "cookie";

export type Verdict =
  | {
      allowed: true;
      mode: SigningMode;
      keyPairId: string;
      /** Path and remaining query, with the signing parameters removed, for the origin. */
      originTarget: string;
      /** The raw path without the query. */
      originPath: string;
      policy: "canned" | "custom";
      hashAlgorithm: HashAlgorithm;
      /** DateLessThan of the policy, in epoch seconds. */
      expiresAt: number;
      /** A human summary for logs and the explain command. */
      detail: string;
    }
  | {
      allowed: false;
      status: 403;
      code: CloudFrontErrorCode;
      mode: SigningMode | null;
      keyPairId: string | null;
      /** A human explanation for logs and the explain command; never sent to the viewer. */
      reason: string;
    };
