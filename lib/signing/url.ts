import { SIGNING_PARAMETERS } from "@/lib/cloudfront/params";

// Characters RFC 3986 allows in a URI, plus complete %XX escapes. Anything else (space,
// quotes, `<`, non-ASCII, ...) a browser would percent-encode before sending, which changes
// the bytes CloudFront compares.
const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/**
 * Throws unless `url` is an absolute http(s) URL that a browser sends unchanged: only URI
 * characters, complete percent escapes and no `#` fragment.
 */
export function assertSignableUrl(url: string): void {
  const query = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
  for (const pair of query === "" ? [] : query.split("&")) {
    const name = pair.split("=")[0] ?? "";
    if ((SIGNING_PARAMETERS as readonly string[]).includes(name)) {
      throw new TypeError(
        `URL ${JSON.stringify(url)} already has a ${name} query parameter; CloudFront reserves that name for signing`,
      );
    }
  }
  if (!/^https?:\/\/[^/?#]+/.test(url)) {
    throw new TypeError(
      `URL ${JSON.stringify(url)} must start with http:// or https:// and a host`,
    );
  }
  if (url.includes("#")) {
    throw new TypeError(
      `URL ${JSON.stringify(url)} contains "#", which browsers never send; percent-encode it as %23`,
    );
  }
  if (!URI_CHARACTERS.test(url)) {
    throw new TypeError(
      `URL ${JSON.stringify(url)} contains characters a browser would re-encode; percent-encode them first`,
    );
  }
}

/**
 * Percent-encodes one path segment so that only RFC 3986 unreserved characters stay literal.
 * `encodeURIComponent` leaves `!'()*` alone; they are encoded too so no client rewrites them.
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encodes an object key for a URL path, segment by segment, keeping its `/` separators. */
export function encodeObjectKey(objectKey: string): string {
  return objectKey.split("/").map(encodePathSegment).join("/");
}
