/**
 * An oracle for the edge fuzz test, written without the verifier's code. It states which
 * mutated requests the edge may accept: exactly those that still carry the original
 * request's authorization, so an accepted mutation is never a forgery.
 */

const SIGNING_NAMES = ["Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"];
const SIGNING_SET = new Set(SIGNING_NAMES);
const CLOUDFRONT_BASE64 = /^[A-Za-z0-9\-_~]*$/;

/** A request as the edge receives it: the raw request-target and the Cookie header. */
export interface FuzzRequest {
  target: string;
  cookie: string | undefined;
}

/** A valid base request and the scope it was signed for. */
export interface SignedBase {
  request: FuzzRequest;
  mode: "url" | "cookie";
  /** A custom policy Resource with `*`, or undefined when the resource must stay identical. */
  wildcardResource: string | undefined;
}

interface Carrier {
  mode: "url" | "cookie";
  values: Map<string, string[]>;
  /** The path and the query without signing pairs, as CloudFront rebuilds the resource. */
  resource: string;
}

function carrierOf(request: FuzzRequest): Carrier {
  const question = request.target.indexOf("?");
  const path = question < 0 ? request.target : request.target.slice(0, question);
  const pairs = question < 0 ? [] : request.target.slice(question + 1).split("&");
  const queryValues = new Map<string, string[]>();
  const otherPairs: string[] = [];
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    const name = equals < 0 ? pair : pair.slice(0, equals);
    if (SIGNING_SET.has(name)) {
      queryValues.set(name, [
        ...(queryValues.get(name) ?? []),
        equals < 0 ? "" : pair.slice(equals + 1),
      ]);
    } else {
      otherPairs.push(pair);
    }
  }
  const query = otherPairs.join("&");
  const resource = query === "" ? path : `${path}?${query}`;
  if (queryValues.size > 0) return { mode: "url", values: queryValues, resource };

  const cookieValues = new Map<string, string[]>();
  for (const part of (request.cookie ?? "").split(";")) {
    // Whitespace around a cookie pair and DQUOTEs around its value (RFC 6265) carry nothing.
    const cookie = part.trim();
    const equals = cookie.indexOf("=");
    if (!cookie.startsWith("CloudFront-") || equals < 0) continue;
    const name = cookie.slice("CloudFront-".length, equals);
    if (!SIGNING_SET.has(name)) continue;
    let value = cookie.slice(equals + 1);
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    cookieValues.set(name, [...(cookieValues.get(name) ?? []), value]);
  }
  return { mode: "cookie", values: cookieValues, resource };
}

function percentDecoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Returns the meaning of one signing value, so that equivalent spellings compare equal:
 * percent-encoding is undone, Policy and Signature become their bytes (CloudFront base64
 * ignores padding and unused low bits) and Expires its number (leading zeros name the same
 * second). Returns undefined for a value that cannot mean anything.
 */
function meaningOf(name: string, raw: string): string | undefined {
  const value = percentDecoded(raw);
  if (value === undefined) return undefined;
  if (name === "Policy" || name === "Signature") {
    if (!CLOUDFRONT_BASE64.test(value)) return undefined;
    const standard = value.replace(/-/g, "+").replace(/_/g, "=").replace(/~/g, "/");
    return Buffer.from(standard, "base64").toString("hex");
  }
  if (name === "Expires") return /^\d+$/.test(value) ? String(BigInt(value)) : undefined;
  return value;
}

function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split("")
    .map((character) => {
      if (character === "*") return "[\\s\\S]*";
      if (character === "?") return "[\\s\\S]";
      return character.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`).test(text);
}

/**
 * Tells whether the edge may accept `mutated`, a mutation of `base`. The mutation must keep
 * the signing mode and must not repeat a signing parameter. It must keep every signing value
 * of the base, up to the spellings that meaningOf treats as equal. It may add only an Expires
 * beside a Policy, or an explicit `Hash-Algorithm=SHA1`. Its resource must equal the base's
 * byte for byte, or match the base's wildcard Resource. `origin` is the scheme and host the
 * resource is rebuilt with.
 */
export function mayAccept(base: SignedBase, mutated: FuzzRequest, origin: string): boolean {
  const signed = carrierOf(base.request);
  const candidate = carrierOf(mutated);
  if (candidate.mode !== base.mode) return false;

  if (base.wildcardResource === undefined) {
    if (candidate.resource !== signed.resource) return false;
  } else if (!globMatches(base.wildcardResource, origin + candidate.resource)) {
    return false;
  }

  for (const [name, values] of candidate.values) {
    if (values.length > 1) return false;
    const expected = signed.values.get(name)?.[0];
    const actual = meaningOf(name, values[0] ?? "");
    if (expected === undefined) {
      const harmless =
        (name === "Expires" && signed.values.has("Policy")) ||
        (name === "Hash-Algorithm" && actual === "SHA1");
      if (!harmless) return false;
    } else if (actual === undefined || actual !== meaningOf(name, expected)) {
      return false;
    }
  }
  for (const name of signed.values.keys()) {
    if (!candidate.values.has(name)) return false;
  }
  return true;
}
