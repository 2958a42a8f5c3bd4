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
