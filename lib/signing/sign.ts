import "server-only";

import { sign as signBytes, type KeyObject } from "node:crypto";

import { toCloudFrontBase64 } from "@/lib/cloudfront/encoding";
import { parseClientIp, parseIpv4Cidr } from "@/lib/cloudfront/ip";
import { cannedPolicy, MAX_EPOCH_SECONDS } from "@/lib/cloudfront/policy";
import type { HashAlgorithm, KeyAlgorithm } from "@/lib/cloudfront/types";

import { assertSignableUrl } from "./url";

/** A parsed private key and the Key-Pair-Id of its public key in a trusted key group. */
export interface SigningKey {
  keyPairId: string;
  algorithm: KeyAlgorithm;
  privateKey: KeyObject;
  hashAlgorithm: HashAlgorithm;
}

/** Only an expiry, which gives a canned policy. */
export interface CannedConditions {
  dateLessThan: Date;
  dateGreaterThan?: never;
  sourceIp?: never;
  resource?: never;
}

interface CustomOptions {
  dateLessThan: Date;
  /** Resource pattern with `*` and `?` wildcards; defaults to the signed URL itself. */
  resource?: string;
  dateGreaterThan?: Date;
  /** IPv4 address or CIDR; a bare address means `/32`. CloudFront accepts no IPv6 here. */
  sourceIp?: string;
}

/** A start time, an IPv4 range or a resource pattern, which give a custom policy. */
export type CustomConditions = CustomOptions &
  ({ resource: string } | { dateGreaterThan: Date } | { sourceIp: string });

export type SignUrlInput = { key: SigningKey; url: string } & (CannedConditions | CustomConditions);

export interface SignCookiesInput {
  key: SigningKey;
  /** The exact URL for a canned policy, or a pattern with `*`, which makes the policy custom. */
  resource: string;
  dateLessThan: Date;
  dateGreaterThan?: Date;
  sourceIp?: string;
}

export interface SignedCookie {
  name: string;
  value: string;
}

const DIGEST: Record<HashAlgorithm, string> = { SHA1: "sha1", SHA256: "sha256" };

/** Converts a Date to whole epoch seconds, rounding down so a link never outlives the Date. */
function epochSeconds(date: Date, name: string): number {
  // Callers in plain JavaScript may pass numbers, which signers commonly misread as seconds
  // or milliseconds; only a Date is unambiguous.
  if (!(date instanceof Date)) throw new TypeError(`${name} is required and must be a Date`);
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is an invalid Date`);
  const seconds = Math.floor(ms / 1000);
  if (seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
    throw new RangeError(`${name} ${date.toISOString()} is outside 1970-01-01 to 2038-01-19`);
  }
  return seconds;
}

function normaliseSourceIp(sourceIp: string): string {
  const text = sourceIp.includes("/") ? sourceIp : `${sourceIp}/32`;
  if (parseClientIp(sourceIp.split("/")[0] ?? "").kind === "ipv6") {
    throw new RangeError(
      `sourceIp ${sourceIp} is IPv6, but CloudFront's AWS:SourceIp accepts only IPv4 addresses and ranges`,
    );
  }
  if (!parseIpv4Cidr(text)) {
    throw new RangeError(`sourceIp ${JSON.stringify(sourceIp)} is not an IPv4 address or CIDR`);
  }
  return text;
}

/**
 * Builds custom policy JSON with the conditions in the order @aws-sdk/cloudfront-signer uses
 * (DateLessThan, DateGreaterThan, IpAddress), so RSA signatures match that package byte for byte.
 */
export function customPolicy(resource: string, options: Omit<CustomOptions, "resource">): string {
  const condition: Record<string, Record<string, number | string>> = {
    DateLessThan: { "AWS:EpochTime": epochSeconds(options.dateLessThan, "dateLessThan") },
  };
  if (options.dateGreaterThan !== undefined) {
    const start = epochSeconds(options.dateGreaterThan, "dateGreaterThan");
    if (start >= (condition.DateLessThan?.["AWS:EpochTime"] as number)) {
      throw new RangeError("dateGreaterThan must be earlier than dateLessThan");
    }
    condition.DateGreaterThan = { "AWS:EpochTime": start };
  }
  if (options.sourceIp !== undefined) {
    condition.IpAddress = { "AWS:SourceIp": normaliseSourceIp(options.sourceIp) };
  }
  return JSON.stringify({ Statement: [{ Resource: resource, Condition: condition }] });
}

/** Signs policy bytes and encodes the signature in CloudFront's base64 alphabet. */
export function signPolicy(key: SigningKey, policy: string): string {
  return toCloudFrontBase64(
    signBytes(DIGEST[key.hashAlgorithm], Buffer.from(policy), key.privateKey),
  );
}

interface SignedParameters {
  /** `Expires` for a canned policy, `Policy` for a custom one; never both. */
  policyName: "Expires" | "Policy";
  policyValue: string;
  signature: string;
  expiresAt: Date;
}

function signParameters(
  key: SigningKey,
  resource: string,
  input: CustomOptions,
  custom: boolean,
): SignedParameters {
  const expires = epochSeconds(input.dateLessThan, "dateLessThan");
  const policy = custom ? customPolicy(resource, input) : cannedPolicy(resource, expires);
  return {
    policyName: custom ? "Policy" : "Expires",
    policyValue: custom ? toCloudFrontBase64(Buffer.from(policy)) : String(expires),
    signature: signPolicy(key, policy),
    expiresAt: new Date(expires * 1000),
  };
}

/**
 * Signs a URL that must already be percent-encoded exactly as a browser will send it, because
 * CloudFront compares the raw request bytes. Returns a canned policy URL for an expiry alone,
 * else a custom one; Expires and Policy are never both present.
 */
export function signUrl(input: SignUrlInput): { url: string; expiresAt: Date } {
  assertSignableUrl(input.url);
  const custom =
    input.resource !== undefined ||
    input.dateGreaterThan !== undefined ||
    input.sourceIp !== undefined;
  const { key } = input;
  const signed = signParameters(key, input.resource ?? input.url, input, custom);
  const separator = input.url.includes("?") ? "&" : "?";
  // Same order as @aws-sdk/cloudfront-signer. Hash-Algorithm is sent only for SHA256 because
  // CloudFront reads its absence as SHA1.
  const hash = key.hashAlgorithm === "SHA256" ? "&Hash-Algorithm=SHA256" : "";
  const url =
    `${input.url}${separator}${signed.policyName}=${signed.policyValue}` +
    `&Key-Pair-Id=${key.keyPairId}&Signature=${signed.signature}${hash}`;
  return { url, expiresAt: signed.expiresAt };
}

/**
 * Signs CloudFront-* cookies. A resource containing `*`, a start time or an IPv4 range gives a
 * custom policy; otherwise the policy is canned and authorizes exactly `resource`.
 */
export function signCookies(input: SignCookiesInput): {
  cookies: SignedCookie[];
  expiresAt: Date;
} {
  const custom =
    input.resource.includes("*") ||
    input.dateGreaterThan !== undefined ||
    input.sourceIp !== undefined;
  if (!custom) assertSignableUrl(input.resource);
  const { key } = input;
  const signed = signParameters(key, input.resource, input, custom);
  const cookies: SignedCookie[] = [
    { name: `CloudFront-${signed.policyName}`, value: signed.policyValue },
    { name: "CloudFront-Key-Pair-Id", value: key.keyPairId },
    { name: "CloudFront-Signature", value: signed.signature },
  ];
  if (key.hashAlgorithm === "SHA256")
    cookies.push({ name: "CloudFront-Hash-Algorithm", value: "SHA256" });
  return { cookies, expiresAt: signed.expiresAt };
}
