/** The query parameters CloudFront reads as signing parameters, and strips before the origin. */
export const SIGNING_PARAMETERS = [
  "Expires",
  "Policy",
  "Signature",
  "Key-Pair-Id",
  "Hash-Algorithm",
] as const;

export type SigningParameter = (typeof SIGNING_PARAMETERS)[number];

/** Raw (still percent-encoded) signing values found in a query or a Cookie header. */
export type SigningValues = Partial<Record<SigningParameter, string>>;

export interface SplitTarget {
  /** The raw path, up to the first `?`. */
  path: string;
  /** The other query pairs, byte for byte and in order; empty when none remain. */
  otherQuery: string;
  values: SigningValues;
  /** A signing parameter that appears more than once. */
  duplicate: SigningParameter | undefined;
}

const SIGNING_SET: ReadonlySet<string> = new Set(SIGNING_PARAMETERS);

/**
 * Splits a raw request-target into its path, the signing parameters and the remaining query.
 * Nothing is decoded or normalised: CloudFront compares the resource as raw bytes.
 */
export function splitTarget(rawTarget: string): SplitTarget {
  const question = rawTarget.indexOf("?");
  const path = question < 0 ? rawTarget : rawTarget.slice(0, question);
  const values: SigningValues = {};
  let duplicate: SigningParameter | undefined;
  if (question < 0 || question === rawTarget.length - 1) {
    return { path, otherQuery: "", values, duplicate };
  }
  const otherPairs: string[] = [];
  for (const pair of rawTarget.slice(question + 1).split("&")) {
    const equals = pair.indexOf("=");
    const name = equals < 0 ? pair : pair.slice(0, equals);
    if (!SIGNING_SET.has(name)) {
      otherPairs.push(pair);
      continue;
    }
    const parameter = name as SigningParameter;
    if (values[parameter] !== undefined) duplicate ??= parameter;
    values[parameter] = equals < 0 ? "" : pair.slice(equals + 1);
  }
  return { path, otherQuery: otherPairs.join("&"), values, duplicate };
}

export function hasAnyValue(values: SigningValues): boolean {
  return SIGNING_PARAMETERS.some((name) => values[name] !== undefined);
}

const COOKIE_PREFIX = "CloudFront-";

/**
 * Reads the `CloudFront-*` signed cookies from a Cookie header. Cookie names are
 * case-sensitive; a value in double quotes (allowed by RFC 6265) is unquoted.
 */
export function readSigningCookies(cookieHeader: string | undefined): {
  values: SigningValues;
  duplicate: SigningParameter | undefined;
} {
  const values: SigningValues = {};
  let duplicate: SigningParameter | undefined;
  if (!cookieHeader) return { values, duplicate };
  for (const part of cookieHeader.split(";")) {
    const cookie = part.trim();
    if (!cookie.startsWith(COOKIE_PREFIX)) continue;
    const equals = cookie.indexOf("=");
    if (equals < 0) continue;
    const name = cookie.slice(COOKIE_PREFIX.length, equals);
    if (!SIGNING_SET.has(name)) continue;
    let value = cookie.slice(equals + 1);
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    const parameter = name as SigningParameter;
    if (values[parameter] !== undefined) duplicate ??= parameter;
    values[parameter] = value;
  }
  return { values, duplicate };
}
