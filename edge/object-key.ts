/** S3 rejects keys longer than this many bytes of UTF-8 with KeyTooLongError. */
export const MAX_KEY_BYTES = 1024;

/**
 * The local S3 store (s3rver) keeps each key segment as a file or folder name, and adds a
 * suffix of up to 22 bytes (`._S3rver_metadata.json`) to the last one. Common filesystems cap
 * a name at 255 bytes, so a longer segment would make s3rver fail with a 500.
 */
export const MAX_SEGMENT_BYTES = 255 - 22;

export type ObjectKeyResult =
  | { ok: true; key: string }
  | { ok: false; code: "InvalidURI" | "KeyTooLongError"; message: string };

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Maps the raw request path that passed verification to an S3 object key. CloudFront
 * forwards the raw path to the origin and S3 percent-decodes it, so the key is the decoded
 * path without its leading slash: `/documents/a%20b` is the key `documents/a b`.
 *
 * The edge rejects, with S3-style 400 codes, what S3 itself rejects (invalid UTF-8 escapes,
 * keys over 1024 bytes) and, because the local store maps keys to files, dot segments,
 * control characters and segments over 233 bytes. An empty key (`/`) is returned as is;
 * the caller treats it as a missing object rather than listing the bucket.
 */
export function objectKeyOf(rawPath: string): ObjectKeyResult {
  const key = percentDecode(rawPath.startsWith("/") ? rawPath.slice(1) : rawPath);
  if (key === undefined) {
    return { ok: false, code: "InvalidURI", message: "Couldn't parse the specified URI." };
  }

  if (Buffer.byteLength(key, "utf8") > MAX_KEY_BYTES) {
    return { ok: false, code: "KeyTooLongError", message: "Your key is too long" };
  }
  if (CONTROL_CHARACTER.test(key)) {
    return { ok: false, code: "InvalidURI", message: "Couldn't parse the specified URI." };
  }
  for (const segment of key.split("/")) {
    if (segment === "." || segment === ".." || Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) {
      return { ok: false, code: "InvalidURI", message: "Couldn't parse the specified URI." };
    }
  }
  return { ok: true, key };
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const HEX_PAIR = /^[0-9a-fA-F]{2}$/;

/**
 * Percent-decodes to bytes, then decodes them as strict UTF-8. Node gives the request line
 * as Latin-1 text, so each character of `raw` is one byte of the original path. Returns
 * undefined for a `%` without two hex digits or bytes that are not valid UTF-8.
 */
function percentDecode(raw: string): string | undefined {
  const bytes = Buffer.allocUnsafe(raw.length);
  let length = 0;
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code > 0xff) return undefined;
    if (code !== 0x25) {
      bytes[length++] = code;
      continue;
    }
    const hex = raw.slice(index + 1, index + 3);
    if (!HEX_PAIR.test(hex)) return undefined;
    bytes[length++] = Number.parseInt(hex, 16);
    index += 2;
  }
  try {
    return UTF8.decode(bytes.subarray(0, length));
  } catch {
    return undefined;
  }
}
