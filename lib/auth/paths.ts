import type { Role } from "@/lib/access";

export const SIGN_IN_PATH = "/sign-in";

const HOME_PATHS: Record<Role, string> = {
  patient: "/documents",
  doctor: "/doctor",
  staff: "/staff",
  admin: "/admin/audit",
};

/** Returns the page each role lands on after signing in. */
export function homePathFor(role: Role): string {
  return HOME_PATHS[role];
}

/** An arbitrary origin used only to resolve relative paths; it never appears in output. */
const PARSE_BASE = "http://berkas.invalid";

/**
 * Returns `value` when it is a same-origin relative path (`/documents?x=1`), normalised,
 * else null. Rejects absolute URLs, protocol-relative `//host` and `/\host` forms, which
 * browsers treat as another origin, and control characters, so a sign-in link can never
 * redirect off the site.
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;

  let url: URL;
  try {
    url = new URL(value, PARSE_BASE);
  } catch {
    return null;
  }
  if (url.origin !== PARSE_BASE) return null;
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith("/api/auth")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page address that returns to `returnTo` afterwards. */
export function signInPathFor(returnTo: string | null): string {
  const callback = safeCallbackPath(returnTo);
  return callback ? `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(callback)}` : SIGN_IN_PATH;
}
