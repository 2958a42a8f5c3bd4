import { request, type Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { connect } from "node:net";

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Sends one request to 127.0.0.1:`port` with `target` as the raw request-target. */
export function send(
  port: number,
  target: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; agent?: Agent } = {},
): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: target,
        method: options.method ?? "GET",
        headers: options.headers,
        agent: options.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/**
 * Writes raw bytes to a new connection and returns everything the server sent until it
 * closed the connection, for requests that an HTTP client refuses to produce. The request
 * should carry `Connection: close` or be malformed, so that the server closes. The client does
 * not half-close first: Node's server drops a pending response when the client sends FIN.
 */
export function sendRaw(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // A server that rejects a request may reset the connection while bytes are in flight.
      if (error.code === "ECONNRESET" || error.code === "EPIPE") {
        resolve(Buffer.concat(chunks).toString("latin1"));
      } else {
        reject(error);
      }
    });
    socket.on("end", () => {
      socket.end();
      resolve(Buffer.concat(chunks).toString("latin1"));
    });
    socket.write(bytes);
  });
}

/** Returns the status code of a raw HTTP/1.1 response, or 0 when there is none. */
export function statusOfRaw(response: string): number {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(response);
  return match ? Number(match[1]) : 0;
}
