import { NextResponse, type NextRequest } from "next/server";

import { PRIVATE_NO_STORE, REQUEST_ID_HEADER } from "@/app/_lib/headers";
import { signInPathFor } from "@/lib/auth/paths";

// Auth.js names its session cookie with the __Secure- prefix on https and splits values over
// about 4 KB into `.0`, `.1`, ... chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Sends visitors without a session cookie to sign in, tags each portal request with an id
 * for the logs, and marks the response private and uncacheable. A convenience only: the
 * cookie is not verified here, and every page and route checks the session itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isCrossSitePost(request)) {
    // Next.js refuses these server-action calls too, but with a 500 and a stack trace.
    return new NextResponse("Cross-site form submission rejected.\n", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": PRIVATE_NO_STORE },
    });
  }
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSession) {
    return NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.url));
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, crypto.randomUUID());
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Cache-Control", PRIVATE_NO_STORE);
  return response;
}

/**
 * Returns whether a POST comes from another origin: its Origin header (sent by browsers on
 * every POST) names a different host than the one the request was sent to, or is "null".
 * The host is compared as Next.js does for server actions, X-Forwarded-Host first.
 */
function isCrossSitePost(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const config = {
  matcher: [
    "/documents",
    "/documents/:path*",
    "/appointments",
    "/home",
    "/doctor",
    "/doctor/:path*",
    "/staff",
    "/staff/:path*",
    "/admin",
    "/admin/:path*",
  ],
};
