/** Request header that proxy.ts sets on portal requests so that log lines can be matched. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Cache-Control for every response that shows or redirects to a signed URL: no shared
 * cache may keep it, and the browser may not reuse it without asking again.
 */
export const PRIVATE_NO_STORE = "private, no-store";
