import { verify as verifySignature } from "node:crypto";

import { describeMismatch } from "./describe";
import { fromCloudFrontBase64, percentDecode } from "./encoding";
import { hasAnyValue, readSigningCookies, splitTarget, type SigningValues } from "./params";
import { cannedPolicy } from "./policy";
import type { CloudFrontErrorCode, TrustedPublicKey, Verdict, ViewerRequest } from "./types";
import { rebuildResource, verifyViewerRequest } from "./verify";

/** The explain command's result, also its `--json` output. */
export interface Explanation {
  allowed: boolean;
  status: number;
  code: CloudFrontErrorCode | null;
  reason: string;
}

const DIGESTS = [
  ["SHA1", "sha1"],
  ["SHA256", "sha256"],
] as const;

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function decodeLoosely(text: string): string {
  return percentDecode(text) ?? text;
}

/** Resources a signer commonly signs by mistake instead of the URL it hands out. */
function candidateResources(request: ViewerRequest, path: string, query: string): string[] {
  const swapped = request.origin.startsWith("https://")
    ? request.origin.replace("https://", "http://")
    : request.origin.replace("http://", "https://");
  const decodedPath = decodeLoosely(path);
  // Signers such as @aws-sdk/cloudfront-signer decode and re-encode each path segment, so a
  // character sent raw may have been signed as its escape.
  const encodedPath = encodeURI(decodedPath);
  return [
    rebuildResource(request.origin, decodedPath, query),
    rebuildResource(request.origin, encodedPath, query),
    rebuildResource(request.origin, decodedPath, decodeLoosely(query)),
    rebuildResource(swapped, path, query),
    rebuildResource(request.origin, path, ""),
  ];
}

/**
 * Looks for the near miss behind a signature that does not verify: another hash algorithm,
 * another trusted key, or (for a canned policy) a resource that differs from the request in
 * encoding, scheme or query. Costs several signature checks, so it is for the explain
 * command, not for every request at the edge.
 */
function diagnose(request: ViewerRequest, keys: readonly TrustedPublicKey[]): string | undefined {
  const target = splitTarget(request.rawTarget);
  const values: SigningValues = hasAnyValue(target.values)
    ? target.values
    : readSigningCookies(request.cookieHeader).values;
  const signature = fromCloudFrontBase64(decodeLoosely(values.Signature ?? ""));
  if (!signature) return undefined;
  const resource = rebuildResource(request.origin, target.path, target.otherQuery);
  const named = decodeLoosely(values["Key-Pair-Id"] ?? "");
  const policies: { resource: string; bytes: Buffer }[] = [];
  if (values.Policy !== undefined) {
    const bytes = fromCloudFrontBase64(decodeLoosely(values.Policy));
    if (bytes) policies.push({ resource, bytes });
  } else if (values.Expires !== undefined && /^[0-9]+$/.test(values.Expires)) {
    const expires = Number(values.Expires);
    for (const candidate of [
      resource,
      ...candidateResources(request, target.path, target.otherQuery),
    ]) {
      policies.push({ resource: candidate, bytes: Buffer.from(cannedPolicy(candidate, expires)) });
    }
  }
  const sent = decodeLoosely(values["Hash-Algorithm"] ?? "SHA1");
  for (const policy of policies) {
    for (const key of keys) {
      for (const [hash, digest] of DIGESTS) {
        let matches = false;
        try {
          matches = verifySignature(digest, policy.bytes, key.publicKey, signature);
        } catch {
          matches = false;
        }
        if (!matches) continue;
        const hints: string[] = [];
        if (key.keyPairId !== named)
          hints.push(`it was made with key ${key.keyPairId}, not ${named}`);
        if (hash !== sent) {
          hints.push(
            hash === "SHA256"
              ? "it was hashed with SHA-256, so the link needs Hash-Algorithm=SHA256"
              : `it was hashed with SHA-1, so the link must not say Hash-Algorithm=${sent}`,
          );
        }
        if (policy.resource !== resource) {
          const at = firstDifference(resource, policy.resource);
          const mismatch = describeMismatch(resource, policy.resource, {
            textIndex: at,
            patternIndex: at,
          });
          hints.push(`it was signed for resource ${JSON.stringify(policy.resource)}: ${mismatch}`);
        }
        if (hints.length > 0) return `the signature does verify if ${hints.join(", and ")}`;
      }
    }
  }
  return undefined;
}

/**
 * Verifies a request exactly as the edge does and, when a signature fails, adds the most
 * likely reason. `keys` lists every trusted key so that a signature made with another of them
 * can be recognised; `describeUntrusted` returns why an unknown id is not trusted.
 */
export function explainViewerRequest(
  request: ViewerRequest,
  keys: readonly TrustedPublicKey[],
  now: Date,
  describeUntrusted?: (keyPairId: string) => string | undefined,
): Explanation {
  const byId = new Map(keys.map((key) => [key.keyPairId, key]));
  const lookup = { find: (id: string) => byId.get(id), describeUntrusted };
  const verdict: Verdict = verifyViewerRequest(request, lookup, now);
  if (verdict.allowed) return { allowed: true, status: 200, code: null, reason: verdict.detail };
  let reason = verdict.reason;
  if (verdict.code === "AccessDenied" && reason.startsWith("signature does not verify")) {
    const hint = diagnose(request, keys);
    if (hint) reason = `${reason}. Likely cause: ${hint}`;
  }
  return { allowed: false, status: verdict.status, code: verdict.code, reason };
}
