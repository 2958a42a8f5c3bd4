/**
 * CloudFront's base64 variant: MIME base64 with `+`, `=` and `/` replaced by `-`, `_` and `~`.
 * The padding is kept (as `_`), so this is not RFC 4648 base64url.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
 */

const TO_CLOUDFRONT: Record<string, string> = { "+": "-", "=": "_", "/": "~" };
const FROM_CLOUDFRONT: Record<string, string> = { "-": "+", _: "=", "~": "/" };

const STANDARD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Encodes bytes in CloudFront's base64 alphabet. */
export function toCloudFrontBase64(bytes: Buffer): string {
  return bytes.toString("base64").replace(/[+=/]/g, (c) => TO_CLOUDFRONT[c] ?? c);
}

/**
 * Decodes CloudFront base64, or returns undefined when `text` is not valid in that alphabet
 * (Buffer.from alone silently skips invalid characters, which would hide a corrupt value).
 */
export function fromCloudFrontBase64(text: string): Buffer | undefined {
  const standard = text.replace(/[-_~]/g, (c) => FROM_CLOUDFRONT[c] ?? c);
  if (standard.length === 0 || standard.length % 4 === 1 || !STANDARD_BASE64.test(standard)) {
    return undefined;
  }
  return Buffer.from(standard, "base64");
}

/**
 * Percent-decodes a query or cookie value, or returns undefined for a malformed escape.
 * `+` stays `+`: CloudFront's alphabet has no `+`, and form decoding would turn it into a space.
 */
export function percentDecode(text: string): string | undefined {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
