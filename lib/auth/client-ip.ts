import { isIP } from "node:net";

/**
 * Returns the requester's address from X-Forwarded-For, or null when it is missing or not
 * an IP address.
 *
 * Behind `trustedProxyCount` reverse proxies that each append the address they received
 * from, the client is the entry that many places from the end. Entries further left were
 * sent by the client, so they are ignored. With no proxy (0), the first entry is used: Next.js
 * fills the header with the socket's peer address when a request has none.
 *
 * NOTE: with no proxy, a client that sends its own X-Forwarded-For chooses the address
 * recorded for it. The app must then only be reachable through a proxy that replaces the
 * header, or the address is informational (audit log) and self-chosen (its own IP binding).
 */
export function clientIpOf(headers: Headers, trustedProxyCount = 0): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  const index = trustedProxyCount === 0 ? 0 : entries.length - trustedProxyCount;
  const candidate = index >= 0 ? (entries[index] ?? "") : "";
  return isIP(candidate) ? candidate : null;
}
