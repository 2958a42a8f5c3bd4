/** An IPv4 network from a policy's `AWS:SourceIp`, with the host bits masked off. */
export interface Ipv4Cidr {
  /** The value as written in the policy, for messages. */
  text: string;
  network: number;
  prefixLength: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV4_MAPPED = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/** Parses dotted-quad IPv4 into an unsigned 32-bit number, or undefined when invalid. */
export function parseIpv4(text: string): number | undefined {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = match[i] ?? "";
    // Leading zeros are rejected because some parsers read them as octal.
    if (part.length > 1 && part.startsWith("0")) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function maskOf(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

/**
 * Parses `a.b.c.d/n`. Host bits are masked instead of rejected, because signers pass values
 * such as `12.34.56.78/9` through unchanged. CloudFront accepts no IPv6 here.
 */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  if (prefixLength > 32) return undefined;
  return { text, network: (address & maskOf(prefixLength)) >>> 0, prefixLength };
}

/**
 * Classifies a TCP peer address. A dual-stack socket reports IPv4 peers as `::ffff:a.b.c.d`;
 * those are IPv4 clients.
 */
export function parseClientIp(
  text: string,
): { kind: "ipv4"; value: number; text: string } | { kind: "ipv6" } | { kind: "invalid" } {
  const mapped = IPV4_MAPPED.exec(text);
  const ipv4Text = mapped?.[1] ?? text;
  const value = parseIpv4(ipv4Text);
  if (value !== undefined) return { kind: "ipv4", value, text: ipv4Text };
  return text.includes(":") ? { kind: "ipv6" } : { kind: "invalid" };
}

export function cidrContains(cidr: Ipv4Cidr, address: number): boolean {
  return (address & maskOf(cidr.prefixLength)) >>> 0 === cidr.network;
}
