import { encodeObjectKey } from "@/lib/signing/url";

/**
 * Returns the object key prefix of a document's images, `<object key>/images/`. The trailing
 * slash keeps the policy `<prefix>*` off sibling keys such as `<object key>/images-old`.
 */
export function imagesPrefixOf(objectKey: string): string {
  return `${objectKey}/images/`;
}

/**
 * Returns the cookie Path of a document's image cookies: the images prefix as a URL path,
 * percent-encoded as the browser sends it, because browsers match Path against the raw path.
 */
export function imagesCookiePathOf(objectKey: string): string {
  return `/${encodeObjectKey(imagesPrefixOf(objectKey))}`;
}
