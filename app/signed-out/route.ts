import type { NextRequest } from "next/server";

import { decodePendingPaths, PENDING_PATHS_COOKIE, SIGNED_OUT_PATH } from "./pending-paths";
import { PRIVATE_NO_STORE } from "@/app/_lib/headers";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { getConfig } from "@/lib/config";
import { cookieScopeOf, deletedCookieHeaders } from "@/lib/documents/set-cookie";

export const dynamic = "force-dynamic";

/**
 * Deletes the CloudFront-* cookies at every Path the sign-out action listed, then redirects
 * (303) to the sign-in page. The action cannot do it itself, because Next.js 16 keeps a
 * response's cookies in a map keyed by name, so a server action sends one Set-Cookie per name
 * and thus reaches only one Path. No session is needed, since deleting cookies grants nothing.
 */
export function GET(request: NextRequest) {
  // After a server action redirects here, Next.js first requests this route on the server
  // with an `RSC: 1` header and would follow a redirect and send the sign-in page's payload
  // to the browser, dropping these Set-Cookie headers. An empty response makes it load this
  // route in the browser instead, and so does a client-side navigation to it.
  if (request.headers.get("rsc") === "1") {
    return new Response(null, { status: 204, headers: { "Cache-Control": PRIVATE_NO_STORE } });
  }

  const paths = decodePendingPaths(request.cookies.get(PENDING_PATHS_COOKIE)?.value);

  const headers = new Headers({ Location: SIGN_IN_PATH, "Cache-Control": PRIVATE_NO_STORE });
  for (const cookie of deletedCookieHeaders(paths, cookieScopeOf(getConfig()))) {
    headers.append("Set-Cookie", cookie);
  }
  headers.append(
    "Set-Cookie",
    `${PENDING_PATHS_COOKIE}=; Path=${SIGNED_OUT_PATH}; Max-Age=0; HttpOnly; SameSite=Lax`,
  );
  return new Response(null, { status: 303, headers });
}
