/**
 * Audit actions. A signed URL or signature is never recorded, only the facts about it
 * (document, TTL, policy kind, key pair id).
 */
export const AUDIT_ACTIONS = [
  "link.minted",
  "cookies.minted",
  "document.issued",
  "document.revoked",
  "upload.started",
  "upload.accepted",
  "upload.rejected",
  "upload.cancelled",
  "upload.expired",
  "verification.decided",
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One event as the caller describes it; the time is set by the database. */
export interface AuditEventInput {
  actorId: string | null;
  actorRole: string | null;
  action: AuditAction;
  documentId: string | null;
  detail?: Record<string, unknown>;
  clientIp: string | null;
}

/** Detail keys that must never be stored, whatever a caller passes. */
const FORBIDDEN_DETAIL_KEYS = /url|signature|policy$|cookie|token|password|secret|key$/i;

/**
 * Returns a copy of `detail` without values that could carry a credential: signed URLs,
 * signatures, cookies, tokens. `policyType` and `keyPairId` are allowed, being public.
 */
export function sanitizeDetail(
  detail: Record<string, unknown> | undefined,
): Record<string, unknown> | null {
  if (!detail) return null;
  const clean: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(detail)) {
    if (name === "keyPairId" || name === "policyType") {
      clean[name] = value;
    } else if (!FORBIDDEN_DETAIL_KEYS.test(name)) {
      clean[name] = value;
    }
  }
  return clean;
}
