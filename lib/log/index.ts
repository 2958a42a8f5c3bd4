import pino, { type Logger } from "pino";

/**
 * Field paths whose values never reach a log line: signed URLs, signatures, cookies,
 * keys and credentials. Loggers elsewhere in the code base inherit this list.
 */
export const REDACTED_PATHS = [
  "url",
  "signedUrl",
  "signature",
  "policy",
  "cookie",
  "cookies",
  "password",
  "privateKey",
  "secret",
  "token",
  "authorization",
  "*.url",
  "*.signedUrl",
  "*.signature",
  "*.policy",
  "*.cookie",
  "*.cookies",
  "*.password",
  "*.privateKey",
  "*.secret",
  "*.token",
  "*.authorization",
  "req.headers.cookie",
  "req.headers.authorization",
];

/** Creates a JSON-lines logger that redacts secrets; `level` defaults to LOG_LEVEL rules. */
export function createLogger(name: string, level = "info"): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
