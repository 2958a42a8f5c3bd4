/**
 * The part of a Range header (RFC 9110, section 14) that the edge serves. Like S3, the edge
 * serves one byte range; a header it does not serve is ignored and the full object is sent.
 */
export type RangeRequest =
  | { kind: "none" }
  /** `bytes=first-` (last undefined) or `bytes=first-last`. */
  | { kind: "from"; first: number; last: number | undefined }
  /** `bytes=-length`: the final `length` bytes. */
  | { kind: "suffix"; length: number };

/** A Range resolved against an object's size. */
export type ResolvedRange =
  | { kind: "full" }
  /** Inclusive byte positions, as in Content-Range. */
  | { kind: "partial"; first: number; last: number }
  | { kind: "unsatisfiable" };

const FROM = /^bytes=(\d+)-(\d*)$/i;
const SUFFIX = /^bytes=-(\d+)$/i;

/**
 * Parses a Range header value. Absent, malformed, multi-range and non-byte headers give
 * `none`, because RFC 9110 lets a server ignore Range and S3 returns the whole object for a
 * multi-range request. A range whose last position precedes its first is invalid and also
 * ignored. Digit strings beyond 2^53 lose precision but keep their order against any real
 * object size.
 */
export function parseRange(header: string | undefined): RangeRequest {
  if (header === undefined) return { kind: "none" };
  const value = header.trim();

  const from = FROM.exec(value);
  if (from) {
    const first = Number(from[1]);
    const last = from[2] ? Number(from[2]) : undefined;
    if (last !== undefined && last < first) return { kind: "none" };
    return { kind: "from", first, last };
  }

  const suffix = SUFFIX.exec(value);
  if (suffix) return { kind: "suffix", length: Number(suffix[1]) };

  return { kind: "none" };
}

/**
 * Resolves a range against an object of `size` bytes. A first position at or past the end, a
 * zero-length suffix and any range of an empty object are unsatisfiable (416). A last position
 * past the end is clamped, and a suffix longer than the object selects all of it.
 */
export function resolveRange(range: RangeRequest, size: number): ResolvedRange {
  if (range.kind === "none") return { kind: "full" };
  if (size === 0) return { kind: "unsatisfiable" };

  if (range.kind === "suffix") {
    if (range.length === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", first: Math.max(0, size - range.length), last: size - 1 };
  }

  if (range.first >= size) return { kind: "unsatisfiable" };
  const last = range.last === undefined ? size - 1 : Math.min(range.last, size - 1);
  return { kind: "partial", first: range.first, last };
}

/**
 * Tells whether an If-Range value still selects the stored object, so the Range applies.
 * An entity tag must match strongly (a weak tag never does); a date must equal Last-Modified.
 */
export function ifRangeMatches(
  ifRange: string,
  etag: string | undefined,
  lastModified: Date | undefined,
): boolean {
  const value = ifRange.trim();
  if (value.startsWith("W/")) return false;
  if (value.startsWith('"')) return etag !== undefined && value === etag;
  const date = Date.parse(value);
  return lastModified !== undefined && !Number.isNaN(date) && date === lastModified.getTime();
}
