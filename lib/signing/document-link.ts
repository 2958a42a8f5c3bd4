import "server-only";

import { parseClientIp } from "@/lib/cloudfront/ip";
import { getConfig, MAX_LINK_TTL_SECONDS, type Config, type DocumentKind } from "@/lib/config";
import { AppError } from "@/lib/errors";

import { signCookies, signUrl, type SignedCookie } from "./sign";
import { SigningKeySource } from "./signing-key";
import { encodeObjectKey } from "./url";

let defaultSource: { config: Config; source: SigningKeySource } | undefined;

/** Returns the process-wide signing key source for the process's configuration. */
export function signingKeySource(config: Config = getConfig()): SigningKeySource {
  if (defaultSource?.config !== config) {
    defaultSource = { config, source: new SigningKeySource(config) };
  }
  return defaultSource.source;
}

function currentKey(config: Config) {
  try {
    return signingKeySource(config).current();
  } catch (error) {
    throw new AppError("signing_unavailable", "Document links cannot be created right now.", {
      cause: error,
      internalMessage: (error as Error).message,
    });
  }
}

/**
 * Computes a link's expiry: the kind's TTL, cut to the document's validUntil and to 7 days,
 * in whole seconds. Throws AppError("forbidden") when no second of validity would remain.
 */
function linkExpiry(config: Config, kind: DocumentKind, validUntil: Date | null, now: Date): Date {
  const ttlSeconds = Math.min(config.linkTtlSeconds[kind], MAX_LINK_TTL_SECONDS);
  let endMs = now.getTime() + ttlSeconds * 1000;
  if (validUntil !== null) endMs = Math.min(endMs, validUntil.getTime());
  const expires = new Date(Math.floor(endMs / 1000) * 1000);
  if (expires.getTime() <= now.getTime()) {
    throw new AppError("forbidden", "This document is no longer available.", {
      internalMessage: `document validity ended at ${validUntil?.toISOString()}; no link can be signed`,
    });
  }
  return expires;
}

export interface DocumentLinkInput {
  /** The S3 object key, e.g. `documents/<uuid>`; each path segment is percent-encoded. */
  objectKey: string;
  kind: DocumentKind;
  /** No link may be valid at or after this instant; null means the document has no end. */
  validUntil: Date | null;
  now?: Date;
  /** Binds the link to this IPv4 client with a custom policy (`<ip>/32`). */
  clientIp?: string;
}

/**
 * Signs a link to one document on the distribution (`config.cloudfront.url`). The TTL comes
 * from the document kind and never passes validUntil or 7 days.
 */
export function signDocumentLink(input: DocumentLinkInput): { url: string; expiresAt: Date } {
  const config = getConfig();
  const now = input.now ?? new Date();
  const dateLessThan = linkExpiry(config, input.kind, input.validUntil, now);
  const key = currentKey(config);
  const url = `${config.cloudfront.url}/${encodeObjectKey(input.objectKey)}`;
  if (input.clientIp === undefined) return signUrl({ key, url, dateLessThan });

  const client = parseClientIp(input.clientIp);
  if (client.kind !== "ipv4") {
    throw new AppError(
      "forbidden",
      "This link must be bound to your network address, which needs an IPv4 connection.",
      {
        internalMessage: `client address ${input.clientIp} is not IPv4; CloudFront's AWS:SourceIp accepts only IPv4`,
      },
    );
  }
  return signUrl({ key, url, dateLessThan, sourceIp: `${client.text}/32` });
}

export interface DocumentCookiesInput {
  /** Object key prefix the cookies cover, e.g. `documents/<uuid>`; `*` is appended. */
  resourcePrefix: string;
  kind: DocumentKind;
  validUntil: Date | null;
  now?: Date;
}

/**
 * Signs CloudFront-* cookies with a custom policy whose Resource is the prefix followed by
 * `*`. `path` is the cookie Path that scopes them to that prefix.
 */
export function signDocumentCookies(input: DocumentCookiesInput): {
  cookies: SignedCookie[];
  expiresAt: Date;
  path: string;
} {
  const config = getConfig();
  const now = input.now ?? new Date();
  const dateLessThan = linkExpiry(config, input.kind, input.validUntil, now);
  const key = currentKey(config);
  const path = `/${encodeObjectKey(input.resourcePrefix)}`;
  const signed = signCookies({ key, resource: `${config.cloudfront.url}${path}*`, dateLessThan });
  return { ...signed, path };
}
