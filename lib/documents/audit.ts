import type { DocumentLink } from "./types";
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
