import "server-only";

import { randomUUID } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

import { logPathOf, writeAccessLog } from "./access-log";
import { createRequestHandler, type EdgeOptions, type RequestHandler } from "./request-handler";
import { rawMethodNotAllowed } from "./responses";

export type { EdgeOptions } from "./request-handler";

/**
 * CloudFront's quota on a request's length including headers and query string, without the
 * body. Node counts the request line and headers against `maxHeaderSize` and responds with 431.
 */
export const MAX_REQUEST_HEAD_BYTES = 20_480;

/** Limits that keep slow or stuck clients from holding sockets. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const IDLE_SOCKET_TIMEOUT_MS = 120_000;

/** The edge: one request handler served on one or more local addresses. */
export interface EdgeServer {
  readonly handler: RequestHandler;
  /** Listens on `host:port` (port 0 picks a free one); call once per address to bind. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting connections, closes open ones and resolves once all servers closed. */
  close(): Promise<void>;
}

/**
 * Creates the local CloudFront-like edge. Nothing is bound until `listen` is called. Each
 * `listen` binds a separate node:http server sharing the handler, because `localhost` may
 * resolve to 127.0.0.1 or ::1 and browsers try both.
 */
export function createEdgeServer(options: EdgeOptions): EdgeServer {
  const handler = createRequestHandler(options);
  const servers: Server[] = [];

  return {
    handler,
    listen(port, host) {
      const server = createServer(
        {
          maxHeaderSize: MAX_REQUEST_HEAD_BYTES,
          headersTimeout: HEADERS_TIMEOUT_MS,
          requestTimeout: REQUEST_TIMEOUT_MS,
        },
        handler,
      );
      server.setTimeout(IDLE_SOCKET_TIMEOUT_MS);
      server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
        rejectMalformedRequest(error, socket);
      });
      server.on("connect", (req: IncomingMessage, socket: Duplex) => {
        const requestId = randomUUID();
        socket.end(rawMethodNotAllowed(requestId));
        writeAccessLog(options.logger, {
          requestId,
          method: "CONNECT",
          path: logPathOf(req.url ?? ""),
          status: 403,
          bytes: 0,
          durationMs: 0,
          mode: null,
          keyPairId: null,
          errorCode: "MethodNotAllowed",
          reason: "only GET and HEAD are allowed",
        });
      });
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          servers.push(server);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async close() {
      await Promise.all(
        servers.splice(0).map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/**
 * Rejects a request that Node could not parse (bad request line, oversized or invalid
 * headers, header timeout) with a bodyless status, then closes the connection.
 */
function rejectMalformedRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? 431
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? 408
        : 400;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      "Server: CloudFront\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
  );
}
