import { isIP } from "node:net";

const IPV4_MAPPED_PREFIX = "::ffff:";

/**
 * Returns an address in the form a policy's `AWS:SourceIp` is compared with: an IPv4-mapped
 * IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket reports for an IPv4 peer)
 * becomes plain IPv4, and every other address is returned unchanged.
 */
export function normalizeIp(address: string): string {
  if (address.slice(0, IPV4_MAPPED_PREFIX.length).toLowerCase() === IPV4_MAPPED_PREFIX) {
    const rest = address.slice(IPV4_MAPPED_PREFIX.length);
    if (isIP(rest) === 4) return rest;
  }
  return address;
}

/**
 * Picks the client address of a viewer request. By default it is the TCP peer. With
 * `trustForwardedFor` (for an edge behind one trusted reverse proxy) it is the last
 * X-Forwarded-For entry, which that proxy appended. An entry that is not an IP address falls
 * back to the peer. Returns "" when the socket has already closed.
 */
export function clientIpOf(
  peerAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustForwardedFor: boolean,
): string {
  if (trustForwardedFor && forwardedFor !== undefined) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    const last = header.split(",").pop()?.trim() ?? "";
    if (isIP(last) !== 0) return normalizeIp(last);
  }
  return peerAddress === undefined ? "" : normalizeIp(peerAddress);
}
