import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { AccessLogEntry } from "./access-log";
import { objectKeyOf } from "./object-key";
import { fetchFromOrigin } from "./origin";
import type { EdgeOptions } from "./request-handler";
import { definedHeaders, sendEdgeError, sendS3Error } from "./responses";

/** CloudFront's default origin response timeout is 30 seconds. */
export const DEFAULT_ORIGIN_TIMEOUT_MS = 30_000;

/**
 * Streams the object behind a verified request from S3 to the viewer. The signing parameters
 * and CloudFront-* cookies never reach S3. Only the object key (the decoded `origin.path`),
 * the response-header overrides in `origin.query`, Range and the conditional headers are
 * sent. A viewer that disconnects aborts the S3 request or destroys its body stream, so no
 * socket to S3 is left open.
 */
export async function serveObject(
  options: EdgeOptions,
  req: IncomingMessage,
  res: ServerResponse,
  origin: { path: string; query: string },
  entry: AccessLogEntry,
): Promise<void> {
  const head = req.method === "HEAD";
  const mapped = objectKeyOf(origin.path);
  if (!mapped.ok) {
    entry.errorCode = mapped.code;
    entry.reason = "the path is not a valid object key";
    sendS3Error(res, head, entry.requestId, { status: 400, ...mapped });
    return;
  }
  if (mapped.key === "") {
    // S3 would list the bucket for an empty key; the edge serves objects only.
    entry.errorCode = "NoSuchKey";
    sendS3Error(res, head, entry.requestId, {
      status: 404,
      code: "NoSuchKey",
      message: "The specified key does not exist.",
      key: "",
    });
    return;
  }

  const controller = new AbortController();
  const abort = () => controller.abort();
  res.once("close", abort);
  const timer = setTimeout(() => {
    controller.abort(new DOMException("S3 did not respond in time", "TimeoutError"));
  }, options.originTimeoutMs ?? DEFAULT_ORIGIN_TIMEOUT_MS);
  const result = await fetchFromOrigin({
    s3: options.s3,
    bucket: options.bucket,
    key: mapped.key,
    query: origin.query,
    head,
    headers: req.headers,
    signal: controller.signal,
  }).finally(() => clearTimeout(timer));

  const cdnHeaders = { "X-Cache": "Miss from cloudfront", "X-Amz-Cf-Id": entry.requestId };
  switch (result.kind) {
    case "object":
      res.writeHead(result.status, definedHeaders({ ...result.headers, ...cdnHeaders }));
      if (result.body === undefined) {
        res.end();
      } else {
        await streamBody(result.body, result.length, res, entry, options);
      }
      break;
    case "not-modified":
      res.writeHead(304, definedHeaders({ ...result.headers, ...cdnHeaders }));
      res.end();
      break;
    case "s3-error":
      entry.errorCode = result.code;
      sendS3Error(res, head, entry.requestId, { ...result, key: mapped.key }, result.headers);
      break;
    case "aborted":
      res.destroy();
      break;
    case "unavailable":
      entry.errorCode = result.status === 504 ? "OriginTimeout" : "OriginUnavailable";
      entry.reason = `S3 bucket ${options.bucket} could not serve the object`;
      options.logger.error(
        { err: result.error, requestId: entry.requestId, bucket: options.bucket },
        result.status === 504 ? "S3 did not respond in time" : "S3 request failed",
      );
      sendEdgeError(
        res,
        head,
        entry.requestId,
        result.status,
        `${result.status === 504 ? "Gateway Timeout" : "Bad Gateway"}: the edge could not ` +
          "get the document from S3. Try again in a minute; if it keeps failing, check that " +
          "the S3 store is running.",
      );
      break;
  }
  res.off("close", abort);
}

/**
 * Pipes exactly `length` bytes of `body` to the viewer. Extra bytes are dropped (s3rver sends
 * the whole object for `bytes=0-0`), and a body that ends early is an error, so the viewer's
 * connection is reset instead of ending cleanly with a short file. Pipeline destroys both
 * sides whichever fails, so the side that failed first decides what is logged: a viewer
 * that leaves is routine, and a broken S3 body is an error.
 */
async function streamBody(
  body: Readable,
  length: number,
  res: ServerResponse,
  entry: AccessLogEntry,
  options: EdgeOptions,
): Promise<void> {
  let failed: "viewer" | "origin" | undefined;
  const viewerClosed = () => {
    if (!res.writableFinished) failed ??= "viewer";
  };
  res.once("close", viewerClosed);
  try {
    await pipeline(
      body,
      async function* limit(source: AsyncIterable<Buffer>) {
        let remaining = length;
        try {
          for await (const chunk of source) {
            const part = chunk.length > remaining ? chunk.subarray(0, remaining) : chunk;
            remaining -= part.length;
            entry.bytes += part.length;
            if (part.length > 0) yield part;
            if (remaining === 0) return;
          }
        } catch (error) {
          failed ??= "origin";
          throw error;
        }
        failed ??= "origin";
        throw new Error(`S3 body ended ${remaining} bytes short of ${length}`);
      },
      res,
    );
  } catch (error) {
    body.destroy();
    if (failed === "viewer") return;
    entry.reason = "the S3 body stream failed";
    options.logger.error({ err: error, requestId: entry.requestId }, "S3 body stream failed");
    res.destroy();
  } finally {
    res.off("close", viewerClosed);
  }
}
