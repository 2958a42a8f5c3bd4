import type { Logger } from "pino";

import type { SigningMode } from "@/lib/cloudfront/types";

/** One line of the edge's access log. No field contains a signature, a policy or a cookie. */
export interface AccessLogEntry {
  requestId: string;
  method: string;
  /** The raw request path without the query, shortened to 512 characters. */
  path: string;
  /** The status sent, or 0 when the viewer left before a response started. */
  status: number;
  /** Body bytes sent to the viewer. */
  bytes: number;
  durationMs: number;
  mode: SigningMode | null;
  keyPairId: string | null;
  /** CloudFront's error code for a denied request, or the S3 code of an origin error. */
  errorCode: string | null;
  /** The cause of a denial or failure, with quoted URLs and policy statements removed. */
  reason: string | null;
}

const MAX_PATH_LENGTH = 512;
const MAX_KEY_PAIR_ID_LENGTH = 128;

/** Returns the path of a raw request-target, without the query, short enough for a log line. */
export function logPathOf(rawTarget: string): string {
  const question = rawTarget.indexOf("?");
  const path = question < 0 ? rawTarget : rawTarget.slice(0, question);
  return path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path;
}

export function logKeyPairIdOf(keyPairId: string | null): string | null {
  if (keyPairId === null || keyPairId.length <= MAX_KEY_PAIR_ID_LENGTH) return keyPairId;
  return `${keyPairId.slice(0, MAX_KEY_PAIR_ID_LENGTH)}…`;
}

const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * Makes a verifier reason safe for the access log. Reasons quote the rebuilt resource and a
 * custom policy's statement, and both contain the viewer's query, which may name a file. So
 * every quoted value that contains a URL or a JSON object is replaced.
 */
export function logReasonOf(reason: string): string {
  return reason.replace(JSON_STRING, (quoted) => {
    if (quoted.startsWith('"{')) return '"[policy statement]"';
    if (quoted.includes("://")) return '"[resource]"';
    return quoted;
  });
}

/** Writes the entry at info level, or at warn level for a 5xx status. */
export function writeAccessLog(logger: Logger, entry: AccessLogEntry): void {
  if (entry.status >= 500) logger.warn(entry, "request");
  else logger.info(entry, "request");
}
