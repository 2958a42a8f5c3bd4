import { isImagesCookiePath } from "@/lib/documents/set-cookie";

/** The route that deletes the image cookies after sign-out. */
export const SIGNED_OUT_PATH = "/signed-out";

/**
 * The cookie in which the sign-out action passes the image cookie Paths to that route. It
 * carries only paths, which are no secret, and is scoped to the route.
 */
export const PENDING_PATHS_COOKIE = "berkas-image-cookie-paths";

// Browsers keep cookies of at least 4096 bytes (RFC 6265, section 6.1). An encoded path takes
// about 60 bytes, so this fits about 60 paths and leaves room for the name and attributes.
const MAX_VALUE_LENGTH = 3600;

/**
 * Joins paths, newest document first, into the cookie's value, leaving out those that do not
 * fit. Returns the value and how many paths were left out.
 */
export function encodePendingPaths(paths: readonly string[]): { value: string; omitted: number } {
  const kept: string[] = [];
  let length = 0;
  for (const path of paths) {
    // cookies().set percent-encodes the value, so "/" and the "," separator take 3 bytes each.
    const encoded = encodeURIComponent(path).length + 3;
    if (length + encoded > MAX_VALUE_LENGTH) break;
    kept.push(path);
    length += encoded;
  }
  return { value: kept.join(","), omitted: paths.length - kept.length };
}

/** Splits the cookie's value into paths, dropping anything that is not an images cookie Path. */
export function decodePendingPaths(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(",").filter(isImagesCookiePath);
}
