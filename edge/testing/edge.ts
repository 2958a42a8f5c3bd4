import type { S3Client } from "@aws-sdk/client-s3";
import pino, { type Logger } from "pino";

import type { TrustedKeyLookup } from "@/lib/cloudfront/types";
import { REDACTED_PATHS } from "@/lib/log";

import { createEdgeServer, type EdgeServer } from "../server";

/**
 * The origin test URLs are signed for. It is not the address the edge listens on, which
 * also shows that the edge rebuilds the resource from its setting and not from Host.
 */
export const TEST_PUBLIC_ORIGIN = "http://edge.test";

/** A JSON log line written by the edge, parsed. */
export type LogRecord = Record<string, unknown> & { level: number; msg: string };

export interface CapturedLog {
  logger: Logger;
  lines: string[];
  records(): LogRecord[];
  /** Resolves with the first record, logged already or later, that matches. */
  waitFor(predicate: (record: LogRecord) => boolean): Promise<LogRecord>;
}

/** Creates a logger like lib/log's (same redaction) that keeps every line in memory. */
export function capturingLogger(): CapturedLog {
  const lines: string[] = [];
  const waiting: Array<{
    predicate: (record: LogRecord) => boolean;
    resolve(record: LogRecord): void;
  }> = [];
  const logger = pino(
    { level: "debug", redact: { paths: REDACTED_PATHS, censor: "[redacted]" } },
    {
      write: (line: string) => {
        lines.push(line);
        const record = JSON.parse(line) as LogRecord;
        for (const waiter of waiting.splice(0)) {
          if (waiter.predicate(record)) waiter.resolve(record);
          else waiting.push(waiter);
        }
      },
    },
  );
  const records = () => lines.map((line) => JSON.parse(line) as LogRecord);
  return {
    logger,
    lines,
    records,
    waitFor: (predicate) => {
      const found = records().find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ predicate, resolve }));
    },
  };
}

export interface TestEdge {
  edge: EdgeServer;
  port: number;
  lines: string[];
  records(): LogRecord[];
  /** Access-log records (message "request"), in order. */
  accessLog(): LogRecord[];
  waitFor: CapturedLog["waitFor"];
  close(): Promise<void>;
}

/** Starts an edge on an ephemeral loopback port with a frozen clock and a captured log. */
export async function startTestEdge(options: {
  s3: S3Client;
  bucket: string;
  trustedKeys: () => TrustedKeyLookup;
  now: Date;
  originTimeoutMs?: number;
  trustForwardedFor?: boolean;
  /** Loopback address to listen on; 127.0.0.1 by default. */
  host?: string;
  logger?: CapturedLog;
}): Promise<TestEdge> {
  const log = options.logger ?? capturingLogger();
  const edge = createEdgeServer({
    publicOrigin: TEST_PUBLIC_ORIGIN,
    trustedKeys: options.trustedKeys,
    s3: options.s3,
    bucket: options.bucket,
    logger: log.logger,
    now: () => options.now,
    originTimeoutMs: options.originTimeoutMs,
    trustForwardedFor: options.trustForwardedFor,
  });
  const address = await edge.listen(0, options.host ?? "127.0.0.1");
  return {
    edge,
    port: address.port,
    lines: log.lines,
    records: log.records,
    accessLog: () => log.records().filter((record) => record.msg === "request"),
    waitFor: log.waitFor,
    close: () => edge.close(),
  };
}
