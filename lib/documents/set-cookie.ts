import type { DocumentCookies } from "./types";
import { SIGNING_PARAMETERS } from "@/lib/cloudfront/params";
import type { Config } from "@/lib/config";

/** Every cookie name CloudFront reads as a signed cookie. */
export const CLOUDFRONT_COOKIE_NAMES: readonly string[] = SIGNING_PARAMETERS.map(
  (name) => `CloudFront-${name}`,
);

/** The attributes besides Path that identify the image cookies, which a deletion repeats. */
export interface CookieScope {
  /** Domain attribute; undefined gives a host-only cookie. */
  domain: string | undefined;
  /** Adds the Secure attribute, so that the browser sends the cookies only over https. */
  secure: boolean;
}

// CloudFront base64 (A-Z a-z 0-9 - _ ~), key pair ids and "SHA256" need no quoting in a cookie.
const COOKIE_VALUE = /^[A-Za-z0-9\-_~]+$/;
// RFC 6265 allows any character but controls and ";" in a Path, and encoded paths need fewer.
const COOKIE_PATH = /^\/[A-Za-z0-9\-._~%!$&'()*+,=:@/]*$/;

/** Returns the scope of the image cookies for this configuration. */
export function cookieScopeOf(config: Config): CookieScope {
  return {
    domain: config.cloudfront.cookieDomain,
    secure: config.cloudfront.url.startsWith("https://"),
  };
}

/** Returns whether `path` is a cookie Path that `imagesCookiePathOf` could have produced. */
export function isImagesCookiePath(path: string): boolean {
  return COOKIE_PATH.test(path) && path.endsWith("/images/");
}

function serialize(name: string, value: string, path: string, scope: CookieScope, maxAge: number) {
  if (value !== "" && !COOKIE_VALUE.test(value)) {
    throw new TypeError(`Cookie ${name} has a value outside the CloudFront base64 alphabet`);
  }
  if (!COOKIE_PATH.test(path)) {
    throw new TypeError(`Cookie path ${JSON.stringify(path)} is not a percent-encoded URL path`);
  }
  const domain = scope.domain === undefined ? "" : `; Domain=${scope.domain}`;
  const secure = scope.secure ? "; Secure" : "";
  // SameSite=Strict cookies still reach the edge, because the portal and the distribution share
  // a registrable domain and so are one site.
  return (
    `${name}=${value}; Path=${path}${domain}; Max-Age=${maxAge}; HttpOnly${secure}` +
    "; SameSite=Strict"
  );
}

/**
 * Serializes Set-Cookie values that install signed cookies at their Path and delete the other
 * CloudFront-* names there, so no CloudFront-Hash-Algorithm left by an earlier key joins the
 * new signature. Max-Age is the time left until the policy expires, in whole seconds.
 */
export function signedCookieHeaders(
  signed: DocumentCookies,
  scope: CookieScope,
  now: Date,
): string[] {
  // AWS suggests no Max-Age, so that the browser deletes the cookies when it closes. A browser
  // that restores its session keeps such cookies, though. This Max-Age ends no later than the
  // policy, so the browser drops the cookies once CloudFront would reject them.
  const maxAge = Math.max(0, Math.floor((signed.expiresAt.getTime() - now.getTime()) / 1000));
  return CLOUDFRONT_COOKIE_NAMES.map((name) => {
    const cookie = signed.cookies.find((candidate) => candidate.name === name);
    return cookie
      ? serialize(name, cookie.value, signed.path, scope, maxAge)
      : serialize(name, "", signed.path, scope, 0);
  });
}

/**
 * Serializes Set-Cookie values that delete every CloudFront-* cookie at each path. A browser
 * deletes a cookie only when name, Path and Domain all match the ones it was set with.
 */
export function deletedCookieHeaders(paths: readonly string[], scope: CookieScope): string[] {
  return paths.flatMap((path) =>
    CLOUDFRONT_COOKIE_NAMES.map((name) => serialize(name, "", path, scope, 0)),
  );
}
