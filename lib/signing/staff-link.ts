import "server-only";

import { parseClientIp } from "@/lib/cloudfront/ip";
import { getConfig, MAX_LINK_TTL_SECONDS, type Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { SignStaffLink } from "@/lib/verifications/context";

import { signingKeySource } from "./document-link";
import { signUrl, type SigningKey } from "./sign";
import { encodeObjectKey } from "./url";

type StaffLinkRequest = Parameters<SignStaffLink>[0];

/** Returns `<ip>/32` for an IPv4 client, or throws AppError("forbidden") for any other value. */
function sourceIpOf(clientIp: string): string {
  const client = parseClientIp(clientIp);
  if (client.kind === "ipv4") return `${client.text}/32`;
  const problem = client.kind === "ipv6" ? "is not IPv4" : "is not an IP address";
  throw new AppError(
    "forbidden",
    "This link must be bound to your network address, which needs an IPv4 connection.",
    {
      internalMessage: `client address ${JSON.stringify(clientIp)} ${problem}; CloudFront's AWS:SourceIp accepts only IPv4`,
    },
  );
}

function currentKey(config: Config): SigningKey {
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
 * Signs a staff member's link to an identity document with a custom policy whose Resource is
 * the exact URL. The link expires LINK_TTL_SECONDS_IDENTITY_DOCUMENT after `now` (60 s by
 * default, rounded down to whole seconds), and with `clientIp` it carries `AWS:SourceIp`
 * `<ip>/32`. Throws AppError("forbidden") for a client address that is not IPv4 and
 * AppError("signing_unavailable") when no signing key is usable.
 */
export function signStaffLink(request: StaffLinkRequest): ReturnType<SignStaffLink> {
  const config = getConfig();
  const ttlSeconds = Math.min(config.linkTtlSeconds.identity_document, MAX_LINK_TTL_SECONDS);
  const dateLessThan = new Date(
    Math.floor((request.now.getTime() + ttlSeconds * 1000) / 1000) * 1000,
  );
  const sourceIp = request.clientIp === undefined ? undefined : sourceIpOf(request.clientIp);

  const key = currentKey(config);
  const url = `${config.cloudfront.url}/${encodeObjectKey(request.objectKey)}`;
  const signed =
    sourceIp === undefined
      ? signUrl({ key, url, dateLessThan, resource: url })
      : signUrl({ key, url, dateLessThan, resource: url, sourceIp });
  return { ...signed, policyType: "custom", keyPairId: key.keyPairId };
}
