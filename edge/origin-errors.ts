import type { OutgoingHttpHeaders } from "node:http";

/** The reason S3 returned no object, reduced to the response the viewer gets. */
export type OriginFailure =
  /** 304: the viewer's copy is current. Headers are those S3 sent with the 304. */
  | { kind: "not-modified"; headers: OutgoingHttpHeaders }
  /** An S3 error passed through to the viewer: 400, 404 NoSuchKey, 412 or 416. */
  | {
      kind: "s3-error";
      status: number;
      code: string;
      message: string;
      headers: OutgoingHttpHeaders;
    }
  /** The viewer went away; nothing can be sent. */
  | { kind: "aborted" }
  /** S3 is unreachable, failing or misconfigured: 502, or 504 when it timed out. */
  | { kind: "unavailable"; status: 502 | 504; error: unknown };

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { headers?: Record<string, string | undefined> };
}

function shapeOf(error: unknown): SdkErrorShape {
  return typeof error === "object" && error !== null ? (error as SdkErrorShape) : {};
}

/** The headers of S3's 304 that still describe the object (RFC 9110, section 15.4.5). */
const NOT_MODIFIED_HEADERS = ["etag", "last-modified", "cache-control", "expires"] as const;

/**
 * Maps an error thrown by an S3 command to the viewer's response. An aborted `signal` means
 * the viewer disconnected, unless its reason is a TimeoutError. `size` is the object size
 * when a HeadObject already read it, for the Content-Range of a 416.
 */
export function classifyOriginError(
  error: unknown,
  signal: AbortSignal,
  size: number | undefined,
): OriginFailure {
  if (signal.aborted) {
    const reason = shapeOf(signal.reason);
    return reason.name === "TimeoutError"
      ? { kind: "unavailable", status: 504, error }
      : { kind: "aborted" };
  }

  const shape = shapeOf(error);
  const status = shape.$metadata?.httpStatusCode;
  const name = typeof shape.name === "string" ? shape.name : "Error";
  const message = typeof shape.message === "string" ? shape.message : "";
  const responseHeaders = shape.$response?.headers ?? {};

  if (status === 304) {
    const headers: OutgoingHttpHeaders = {};
    for (const header of NOT_MODIFIED_HEADERS) {
      const value = responseHeaders[header];
      if (value !== undefined) headers[header] = value;
    }
    return { kind: "not-modified", headers };
  }
  // HeadObject has no error body, so a missing object arrives as "NotFound".
  if (status === 404 && name !== "NoSuchBucket") {
    return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  }
  if (status === 412) {
    return s3Error(
      412,
      "PreconditionFailed",
      "At least one of the preconditions you specified did not hold",
    );
  }
  if (status === 416) {
    const headers = size === undefined ? {} : { "Content-Range": `bytes */${size}` };
    return s3Error(416, "InvalidRange", "The requested range is not satisfiable", headers);
  }
  if (status === 400) return s3Error(400, name, message || "Bad request");
  return { kind: "unavailable", status: 502, error };
}

function s3Error(
  status: number,
  code: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): OriginFailure {
  return { kind: "s3-error", status, code, message, headers };
}
