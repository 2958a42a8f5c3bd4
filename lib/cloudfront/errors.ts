import type { CloudFrontErrorCode } from "./types";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const MESSAGES: Record<CloudFrontErrorCode, string> = {
  MissingKey: "Missing Key-Pair-Id query parameter or cookie value",
  InvalidKey: "Unknown Key",
  AccessDenied: "Access denied",
  MalformedPolicy: "Malformed Policy",
  MalformedSignature: "Could not unencode Signature",
};

const BODIES = Object.fromEntries(
  Object.entries(MESSAGES).map(([code, message]) => [
    code,
    `${XML_DECLARATION}<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  ]),
) as Record<CloudFrontErrorCode, string>;

/**
 * Returns the body CloudFront sends with a 403 for `code`: one line of XML with no trailing
 * newline, served as `Content-Type: text/xml`. The AccessDenied body is 110 bytes and the
 * MissingKey body 146, matching the Content-Length of captured CloudFront responses.
 */
export function errorBody(code: CloudFrontErrorCode): string {
  return BODIES[code];
}

/** The Content-Type CloudFront sends with its error bodies. */
export const ERROR_CONTENT_TYPE = "text/xml";
