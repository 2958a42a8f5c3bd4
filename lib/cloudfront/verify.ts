import { verify as verifySignature } from "node:crypto";

import { describeMismatch, isoSeconds, quote } from "./describe";
import { fromCloudFrontBase64, percentDecode } from "./encoding";
import { matchResource } from "./glob";
import { cidrContains, parseClientIp } from "./ip";
import { hasAnyValue, readSigningCookies, splitTarget, type SigningParameter } from "./params";
import { cannedPolicy, MAX_EPOCH_SECONDS, parseCustomPolicy, type CustomPolicy } from "./policy";
import type {
  CloudFrontErrorCode,
  HashAlgorithm,
  SigningMode,
  TrustedKeyLookup,
  TrustedPublicKey,
  Verdict,
  ViewerRequest,
} from "./types";

const DIGITS = /^[0-9]+$/;
const DIGEST: Record<HashAlgorithm, string> = { SHA1: "sha1", SHA256: "sha256" };

// Cookies and repeated links carry the same policy many times; parsing it once saves JSON work.
const POLICY_CACHE_SIZE = 512;
const policyCache = new Map<string, ReturnType<typeof parseCustomPolicy>>();

function parseCustomPolicyCached(json: string): ReturnType<typeof parseCustomPolicy> {
  let result = policyCache.get(json);
  if (result === undefined) {
    result = parseCustomPolicy(json);
    if (policyCache.size >= POLICY_CACHE_SIZE) policyCache.clear();
    policyCache.set(json, result);
  }
  return result;
}

type Denial = Extract<Verdict, { allowed: false }>;

/** Rebuilds the URL CloudFront signs: origin, raw path and the query without signing params. */
export function rebuildResource(origin: string, path: string, otherQuery: string): string {
  return otherQuery === "" ? origin + path : `${origin}${path}?${otherQuery}`;
}

/**
 * Decides whether CloudFront would serve `request`, checking in CloudFront's order: signing
 * mode, Key-Pair-Id, Hash-Algorithm, policy, signature, custom policy conditions, then time
 * and client IP. `now` is injected so that callers and tests control the clock.
 *
 * Pure and synchronous. No step compares secret material: policies, signatures and public keys
 * are public, so no constant-time comparison is needed.
 */
export function verifyViewerRequest(
  request: ViewerRequest,
  keys: TrustedKeyLookup,
  now: Date,
): Verdict {
  const target = splitTarget(request.rawTarget);
  const mode: SigningMode = hasAnyValue(target.values) ? "url" : "cookie";
  const { values, duplicate } = mode === "url" ? target : readSigningCookies(request.cookieHeader);
  const label = (name: SigningParameter) => (mode === "url" ? name : `CloudFront-${name}`);
  const where = mode === "url" ? "the query" : "the signed cookies";
  let keyPairId: string | null = null;
  const deny = (code: CloudFrontErrorCode, reason: string): Denial => ({
    allowed: false,
    status: 403,
    code,
    mode: mode === "cookie" && !hasAnyValue(values) ? null : mode,
    keyPairId,
    reason,
  });

  if (mode === "cookie" && !hasAnyValue(values)) {
    return deny("MissingKey", "the request has no signing query parameters and no signed cookies");
  }
  if (duplicate !== undefined) {
    return deny("MalformedPolicy", `${label(duplicate)} appears more than once in ${where}`);
  }

  const rawKeyPairId = values["Key-Pair-Id"];
  const decodedKeyPairId = rawKeyPairId === undefined ? undefined : percentDecode(rawKeyPairId);
  if (!decodedKeyPairId) {
    const state = rawKeyPairId === undefined ? "missing from" : "empty or invalid in";
    return deny("MissingKey", `${label("Key-Pair-Id")} is ${state} ${where}`);
  }
  keyPairId = decodedKeyPairId;
  const key = keys.find(keyPairId);
  if (!key) {
    const untrusted = keys.describeUntrusted?.(keyPairId) ?? "not in any trusted key group";
    return deny("InvalidKey", `key ${quote(keyPairId)} is ${untrusted}`);
  }

  const rawHash = values["Hash-Algorithm"];
  const hashText = rawHash === undefined ? "SHA1" : percentDecode(rawHash);
  if (hashText !== "SHA1" && hashText !== "SHA256") {
    return deny(
      "MalformedPolicy",
      `${label("Hash-Algorithm")} ${quote(rawHash ?? "")} is neither SHA1 nor SHA256`,
    );
  }
  const hashAlgorithm: HashAlgorithm = hashText;

  const resource = rebuildResource(request.origin, target.path, target.otherQuery);
  const policy = readPolicy(values, label, resource);
  if (typeof policy === "string") return deny("MalformedPolicy", policy);

  const rawSignature = values.Signature;
  const decodedSignature = rawSignature === undefined ? undefined : percentDecode(rawSignature);
  const signature =
    decodedSignature === undefined ? undefined : fromCloudFrontBase64(decodedSignature);
  if (!signature) {
    const state = rawSignature === undefined ? "missing from" : "not valid CloudFront base64 in";
    return deny("MalformedSignature", `${label("Signature")} is ${state} ${where}`);
  }
  const signedBy = `key ${keyPairId} (${key.algorithm}, ${hashAlgorithm})`;
  if (!signatureMatches(key, hashAlgorithm, policy.bytes, signature)) {
    const over =
      policy.kind === "canned"
        ? `the canned policy for resource ${quote(resource, 400)} with Expires ${policy.expires}`
        : `the custom policy ${quote(policy.bytes.toString("utf8"), 400)}`;
    return deny(
      "AccessDenied",
      `signature does not verify with ${signedBy} over ${over}; the link was changed ` +
        "after signing, or was signed for another resource, key or hash algorithm",
    );
  }

  let conditions: CustomPolicy;
  if (policy.kind === "custom") {
    const parsed = parseCustomPolicyCached(policy.bytes.toString("utf8"));
    if (!parsed.ok) return deny("MalformedPolicy", parsed.reason);
    conditions = parsed.policy;
  } else {
    const expires = policy.expires;
    conditions = {
      resource,
      dateLessThan: expires,
      dateGreaterThan: undefined,
      sourceIp: undefined,
    };
  }
  const failed = checkConditions(conditions, resource, request.clientIp, now);
  if (failed !== undefined) return deny("AccessDenied", `${policy.kind} policy: ${failed}`);

  const remaining = Math.floor((conditions.dateLessThan * 1000 - now.getTime()) / 1000);
  return {
    allowed: true,
    mode,
    keyPairId,
    originTarget: target.otherQuery === "" ? target.path : `${target.path}?${target.otherQuery}`,
    originPath: target.path,
    policy: policy.kind,
    hashAlgorithm,
    expiresAt: conditions.dateLessThan,
    detail: `${policy.kind} policy signed by ${signedBy} in ${where}, valid for ${remaining} s more`,
  };
}

type PolicyBytes =
  { kind: "canned"; bytes: Buffer; expires: number } | { kind: "custom"; bytes: Buffer };

/** Returns the bytes the signature must cover, or the reason they cannot be read. */
function readPolicy(
  values: Partial<Record<SigningParameter, string>>,
  label: (name: SigningParameter) => string,
  resource: string,
): PolicyBytes | string {
  // A Policy wins over an Expires sent beside it; one npm signer sends both.
  if (values.Policy !== undefined) {
    const decoded = percentDecode(values.Policy);
    const bytes = decoded === undefined ? undefined : fromCloudFrontBase64(decoded);
    if (!bytes) return `${label("Policy")} is not valid CloudFront base64`;
    return { kind: "custom", bytes };
  }
  const expiresText = values.Expires;
  if (expiresText === undefined) {
    return `neither ${label("Expires")} nor ${label("Policy")} is present`;
  }
  if (!DIGITS.test(expiresText)) {
    return `${label("Expires")} ${quote(expiresText)} is not a whole number of epoch seconds`;
  }
  const expires = Number(expiresText);
  if (expires > MAX_EPOCH_SECONDS) {
    return `${label("Expires")} ${expiresText} is above ${MAX_EPOCH_SECONDS}; milliseconds instead of seconds?`;
  }
  return { kind: "canned", bytes: Buffer.from(cannedPolicy(resource, expires)), expires };
}

function signatureMatches(
  key: TrustedPublicKey,
  hashAlgorithm: HashAlgorithm,
  data: Buffer,
  signature: Buffer,
): boolean {
  try {
    // RSA keys verify PKCS#1 v1.5 and EC keys DER-encoded ECDSA, both Node's defaults.
    return verifySignature(DIGEST[hashAlgorithm], data, key.publicKey, signature);
  } catch {
    // OpenSSL raises on some malformed DER signatures instead of returning false.
    return false;
  }
}

/** Checks resource, time window and client IP; returns the first failure for a person. */
function checkConditions(
  policy: CustomPolicy,
  resource: string,
  clientIp: string,
  now: Date,
): string | undefined {
  if (policy.resource !== undefined) {
    const mismatch = matchResource(policy.resource, resource);
    if (mismatch) {
      return `${describeMismatch(resource, policy.resource, mismatch)} (request ${quote(resource, 400)}, policy Resource ${quote(policy.resource, 400)})`;
    }
  }
  const nowMs = now.getTime();
  if (nowMs >= policy.dateLessThan * 1000) {
    const ago = Math.floor((nowMs - policy.dateLessThan * 1000) / 1000);
    return `expired ${ago} s ago (DateLessThan ${policy.dateLessThan} is ${isoSeconds(policy.dateLessThan)})`;
  }
  if (policy.dateGreaterThan !== undefined && nowMs <= policy.dateGreaterThan * 1000) {
    const wait = Math.ceil((policy.dateGreaterThan * 1000 - nowMs) / 1000);
    return `not valid for ${wait} s yet (DateGreaterThan ${policy.dateGreaterThan} is ${isoSeconds(policy.dateGreaterThan)})`;
  }
  if (policy.sourceIp !== undefined) {
    const client = parseClientIp(clientIp);
    if (client.kind === "ipv6") {
      return `client ${clientIp} is an IPv6 address, but AWS:SourceIp ${policy.sourceIp.text} matches only IPv4 clients`;
    }
    if (client.kind === "invalid") return `client address ${quote(clientIp)} is not an IP address`;
    if (!cidrContains(policy.sourceIp, client.value)) {
      return `client ${client.text} is outside ${policy.sourceIp.text}`;
    }
  }
  return undefined;
}
