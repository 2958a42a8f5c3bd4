import "server-only";

import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import type { S3Client } from "@aws-sdk/client-s3";
import type { Logger } from "pino";

import type { TrustedKeyLookup } from "@/lib/cloudfront/types";

import { logKeyPairIdOf, logPathOf, writeAccessLog, type AccessLogEntry } from "./access-log";
import { serveObject } from "./serve-object";
import { sendCloudFrontError, sendEdgeError, sendMethodNotAllowed } from "./responses";
import { verifyRequest } from "./verify-request";

/** CloudFront's quota on the length of a URL (request-target), in bytes. */
export const MAX_URL_BYTES = 8_192;

export interface EdgeOptions {
  /**
   * Scheme and host that signed URLs point at, such as `http://localhost:3001`. The resource
   * is rebuilt from it, never from the Host header, as a CloudFront alternate domain would be.
   */
  publicOrigin: string;
  /** Called once per request for the keys of the distribution's trusted key groups. */
  trustedKeys: () => TrustedKeyLookup;
  s3: S3Client;
  bucket: string;
  logger: Logger;
  /** Clock for policy expiry; defaults to the system clock. */
  now?: () => Date;
  /** Take the client IP from X-Forwarded-For; only behind a reverse proxy you run. */
  trustForwardedFor?: boolean;
  /** How long S3 may take to send response headers before the viewer gets a 504. */
  originTimeoutMs?: number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Creates the edge's request listener. It checks the method, verifies the signed URL or
 * signed cookies with lib/cloudfront/verify, and streams the object from S3. It logs one
 * access-log line per request, and it catches its own errors, so it never throws.
 */
export function createRequestHandler(options: EdgeOptions): RequestHandler {
  return (req, res) => {
    const started = performance.now();
    const rawTarget = req.url ?? "";
    const entry: AccessLogEntry = {
      requestId: randomUUID(),
      method: req.method ?? "",
      path: logPathOf(rawTarget),
      status: 0,
      bytes: 0,
      durationMs: 0,
      mode: null,
      keyPairId: null,
      errorCode: null,
      reason: null,
    };
    // A request body has no meaning here; reading it lets keep-alive reuse the connection.
    req.resume();
    res.once("close", () => {
      entry.status = res.headersSent ? res.statusCode : 0;
      entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
      if (!res.writableFinished && entry.reason === null) {
        entry.reason = `viewer disconnected after ${entry.bytes} bytes`;
      }
      writeAccessLog(options.logger, entry);
    });

    handle(options, req, res, rawTarget, entry).catch((error: unknown) => {
      options.logger.error({ err: error, requestId: entry.requestId }, "edge request failed");
      entry.errorCode = "InternalError";
      if (!res.headersSent) {
        sendEdgeError(res, req.method === "HEAD", entry.requestId, 500, "Internal error");
      } else {
        res.destroy();
      }
    });
  };
}

async function handle(
  options: EdgeOptions,
  req: IncomingMessage,
  res: ServerResponse,
  rawTarget: string,
  entry: AccessLogEntry,
): Promise<void> {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) {
    entry.errorCode = "MethodNotAllowed";
    entry.reason = "only GET and HEAD are allowed";
    sendMethodNotAllowed(res, entry.requestId);
    return;
  }
  if (!rawTarget.startsWith("/")) {
    entry.errorCode = "InvalidRequestTarget";
    entry.reason = "the request-target is not an origin-form path";
    sendEdgeError(
      res,
      head,
      entry.requestId,
      400,
      "Bad Request: the request-target must start with /",
    );
    return;
  }
  if (Buffer.byteLength(rawTarget, "latin1") > MAX_URL_BYTES) {
    entry.errorCode = "UriTooLong";
    entry.reason = `the URL is longer than ${MAX_URL_BYTES} bytes`;
    sendEdgeError(
      res,
      head,
      entry.requestId,
      414,
      `URI Too Long: the limit is ${MAX_URL_BYTES} bytes`,
    );
    return;
  }

  const verdict = verifyRequest(options, req, rawTarget);
  entry.mode = verdict.mode;
  entry.keyPairId = logKeyPairIdOf(verdict.keyPairId);
  if (!verdict.allowed) {
    entry.errorCode = verdict.code;
    entry.reason = verdict.logReason;
    sendCloudFrontError(res, head, entry.requestId, verdict.code);
    return;
  }

  await serveObject(options, req, res, verdict.origin, entry);
}
