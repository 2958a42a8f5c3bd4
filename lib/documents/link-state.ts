import { canOpenDocument, isExpired, type DocumentFacts, type Viewer } from "@/lib/access";

import type { NoLinkReason } from "./types";

/**
 * Returns why the viewer gets no link to a document they can see, or null when
 * `canOpenDocument` allows one now.
 */
export function noLinkReason(
  viewer: Viewer,
  document: DocumentFacts,
  now: Date,
): NoLinkReason | null {
  if (canOpenDocument(viewer, document, now)) return null;
  if (document.status === "revoked") return "revoked";
  if (document.status === "rejected") return "rejected";
  if (isExpired(document, now)) return "expired";
  return "unavailable";
}
