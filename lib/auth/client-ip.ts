import { isIP } from "node:net";

/**
 * Returns the requester's address for the audit log: the first X-Forwarded-For entry,
 * which Next.js fills with the socket's peer address when the request has none. Null when
 * it is missing or not an IP address.
 *
 * NOTE: the header is client-controlled unless a reverse proxy in front of the app replaces
 * it, so treat the address as informational, never as an access rule.
 */
export function clientIpOf(headers: Headers): string | null {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  return isIP(first) ? first : null;
}
