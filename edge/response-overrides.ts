/** GetObject and HeadObject inputs that override S3's response headers. */
export interface ResponseOverrides {
  ResponseContentDisposition?: string;
  ResponseContentLanguage?: string;
  ResponseCacheControl?: string;
  ResponseExpires?: Date;
}

/**
 * Reads the S3 response-header overrides from the query that remains once the signing
 * parameters are removed. CloudFront forwards that query to the origin, and S3 applies these
 * parameters to its response. The edge forwards nothing else.
 *
 * Other S3 query parameters would change the operation (`acl`, `tagging`, `torrent`) or the
 * object version. `response-content-type` and `response-content-encoding` are not forwarded
 * either, because anyone holding wildcard signed cookies could add them to have an uploaded
 * file rendered as HTML on the edge's origin. Values are form-decoded as S3 decodes them,
 * and the first of repeated parameters wins. A value that is not printable ASCII is dropped,
 * because it cannot be sent back as a header field.
 */
export function responseOverridesOf(query: string): ResponseOverrides {
  if (query === "") return {};
  const params = new URLSearchParams(query);
  const valueOf = (name: string): string | undefined => {
    const value = params.get(name);
    return value !== null && HEADER_VALUE.test(value) ? value : undefined;
  };
  const overrides: ResponseOverrides = {};

  const disposition = valueOf("response-content-disposition");
  if (disposition !== undefined) overrides.ResponseContentDisposition = disposition;
  const language = valueOf("response-content-language");
  if (language !== undefined) overrides.ResponseContentLanguage = language;
  const cacheControl = valueOf("response-cache-control");
  if (cacheControl !== undefined) overrides.ResponseCacheControl = cacheControl;

  const expires = Date.parse(valueOf("response-expires") ?? "");
  if (!Number.isNaN(expires)) overrides.ResponseExpires = new Date(expires);
  return overrides;
}

const HEADER_VALUE = /^[\x20-\x7e]*$/;
