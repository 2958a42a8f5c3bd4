import "server-only";

import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { Readable } from "node:stream";

import {
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from "@aws-sdk/client-s3";

import { classifyOriginError, type OriginFailure } from "./origin-errors";
import { responseOverridesOf } from "./response-overrides";
import { ifRangeMatches, parseRange, resolveRange, type ResolvedRange } from "./range";

/** The S3 object behind a verified viewer request, and the viewer's conditional headers. */
export interface OriginRequest {
  s3: S3Client;
  bucket: string;
  key: string;
  /** The raw query left once the signing parameters are removed; see responseOverridesOf. */
  query: string;
  /** HEAD sends HeadObject, so S3 returns headers only. */
  head: boolean;
  headers: IncomingHttpHeaders;
  signal: AbortSignal;
}

export type OriginResult =
  | {
      kind: "object";
      status: 200 | 206;
      headers: OutgoingHttpHeaders;
      /** Undefined for HEAD. */
      body: Readable | undefined;
      /** Exact number of body bytes promised in Content-Length. */
      length: number;
    }
  | OriginFailure;

/**
 * Fetches an object from S3 the way CloudFront forwards a viewer request to an S3 origin:
 * Range and the conditional headers are passed on, and the response headers a browser needs
 * are copied back.
 *
 * A request with a Range first reads the object's size with HeadObject, and the edge works
 * out the byte range itself and sends S3 an explicit `bytes=first-last`. s3rver 3.7.1
 * handles suffix ranges (`bytes=-N`) wrongly and returns the whole object for `bytes=0-0`,
 * so the edge also stops the body after the bytes it promised. Objects are written once
 * under fresh keys, so the size cannot change between the two calls.
 */
export async function fetchFromOrigin(request: OriginRequest): Promise<OriginResult> {
  const { s3, bucket, key, headers, signal } = request;
  let size: number | undefined;
  try {
    let resolved: ResolvedRange = { kind: "full" };
    const range = parseRange(single(headers.range));
    if (range.kind !== "none") {
      const stat = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: signal,
      });
      size = stat.ContentLength ?? 0;
      const ifRange = single(headers["if-range"]);
      if (ifRange === undefined || ifRangeMatches(ifRange, stat.ETag, stat.LastModified)) {
        resolved = resolveRange(range, size);
      }
      if (resolved.kind === "unsatisfiable") return unsatisfiable(size);
    }

    const input = {
      Bucket: bucket,
      Key: key,
      Range: resolved.kind === "partial" ? `bytes=${resolved.first}-${resolved.last}` : undefined,
      ...conditionsOf(headers),
      ...responseOverridesOf(request.query),
    };
    const output = request.head
      ? await s3.send(new HeadObjectCommand(input), { abortSignal: signal })
      : await s3.send(new GetObjectCommand(input), { abortSignal: signal });

    const length =
      resolved.kind === "partial"
        ? resolved.last - resolved.first + 1
        : (output.ContentLength ?? 0);
    const body = "Body" in output && output.Body instanceof Readable ? output.Body : undefined;
    return {
      kind: "object",
      status: resolved.kind === "partial" ? 206 : 200,
      headers: {
        ...responseHeadersOf(output, length),
        "Content-Range":
          resolved.kind === "partial"
            ? `bytes ${resolved.first}-${resolved.last}/${size}`
            : undefined,
      },
      body,
      length,
    };
  } catch (error) {
    return classifyOriginError(error, signal, size);
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function dateOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Picks the conditional headers S3 evaluates. As RFC 9110 (section 13.2.2) orders them, a
 * date condition is ignored when the matching entity-tag condition is present; an invalid
 * date is ignored too.
 */
function conditionsOf(headers: IncomingHttpHeaders) {
  const ifMatch = single(headers["if-match"]);
  const ifNoneMatch = single(headers["if-none-match"]);
  return {
    IfMatch: ifMatch,
    IfNoneMatch: ifNoneMatch,
    IfUnmodifiedSince:
      ifMatch === undefined ? dateOf(single(headers["if-unmodified-since"])) : undefined,
    IfModifiedSince:
      ifNoneMatch === undefined ? dateOf(single(headers["if-modified-since"])) : undefined,
  };
}

/**
 * Copies the object headers CloudFront passes through and adds two of its own. Without a
 * Cache-Control from S3, `private, no-store` keeps medical documents out of shared and
 * browser caches. `nosniff` stops a browser from rendering a PDF or image as HTML.
 */
function responseHeadersOf(output: HeadObjectCommandOutput, length: number): OutgoingHttpHeaders {
  return {
    "Content-Type": output.ContentType,
    "Content-Length": length,
    ETag: output.ETag,
    "Last-Modified": output.LastModified?.toUTCString(),
    "Content-Disposition": output.ContentDisposition,
    "Content-Encoding": output.ContentEncoding,
    "Content-Language": output.ContentLanguage,
    Expires: output.ExpiresString,
    "Cache-Control": output.CacheControl ?? "private, no-store",
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  };
}

function unsatisfiable(size: number): OriginFailure {
  return {
    kind: "s3-error",
    status: 416,
    code: "InvalidRange",
    message: "The requested range is not satisfiable",
    headers: { "Content-Range": `bytes */${size}` },
  };
}
