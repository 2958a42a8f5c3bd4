import type { DocumentCookies, DocumentLink } from "./types";
import type { Viewer } from "@/lib/access";
import type { AuditEventInput } from "@/lib/audit";

/** The place a link was minted: the documents page render or the stable address. */
export type LinkMintedVia = "documents_page" | "document_address";

/**
 * Builds the `link.minted` audit event for one link. It records the expiry and the
 * Key-Pair-Id read from the URL, never the URL or its signature.
 */
export function linkMintedEvent(
  viewer: Viewer,
  documentId: string,
  link: DocumentLink,
  via: LinkMintedVia,
  clientIp: string | null,
): AuditEventInput {
  return {
    actorId: viewer.id,
    actorRole: viewer.role,
    action: "link.minted",
    documentId,
    detail: {
      expiresAt: link.expiresAt.toISOString(),
      policyType: "canned",
      keyPairId: new URL(link.url).searchParams.get("Key-Pair-Id"),
      via,
    },
    clientIp,
  };
}

/**
 * Builds the `cookies.minted` audit event for one set of signed cookies. It records the
 * expiry, the Key-Pair-Id, the cookie Path and how many files the policy covers, never a
 * cookie value.
 */
export function cookiesMintedEvent(
  viewer: Viewer,
  documentId: string,
  signed: DocumentCookies,
  fileCount: number,
  clientIp: string | null,
): AuditEventInput {
  const keyPairId = signed.cookies.find((cookie) => cookie.name === "CloudFront-Key-Pair-Id");
  return {
    actorId: viewer.id,
    actorRole: viewer.role,
    action: "cookies.minted",
    documentId,
    detail: {
      expiresAt: signed.expiresAt.toISOString(),
      policyType: "custom",
      keyPairId: keyPairId?.value ?? null,
      path: signed.path,
      fileCount,
    },
    clientIp,
  };
}
