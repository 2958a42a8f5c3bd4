import "server-only";

import NextAuth, { AuthError, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { authenticateUser } from "./authenticate-user";
import { clientIpOf } from "./client-ip";
import { parseCredentials } from "./credentials";
import { isCredentialsSignin } from "./errors";
import { authLog } from "./log";
import { SIGN_IN_PATH } from "./paths";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";

/** Sessions last one working shift; after that the patient signs in again. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Builds the Auth.js configuration per request, so that `next build` runs without the env. */
function buildAuthConfig(): NextAuthConfig {
  const config = getConfig();
  return {
    secret: config.auth.secret,
    trustHost: config.auth.trustHost,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(input, request) {
          const credentials = parseCredentials(input);
          if (!credentials) return null;
          const { db } = await getDb();
          return authenticateUser(
            db,
            credentials,
            clientIpOf(request.headers, config.trustedProxyCount),
          );
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.hospitalId = user.hospitalId;
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.sub, role: token.role, hospitalId: token.hospitalId },
        };
      },
    },
    logger: {
      error(error) {
        // A wrong password is an expected outcome, not a fault worth a stack trace.
        if (isCredentialsSignin(error)) {
          authLog().info(
            { event: "sign_in_rejected" },
            "Sign-in rejected: incorrect email or password",
          );
          return;
        }
        // Auth.js wraps the original failure (a refused database connection, say) in
        // `cause.err`, which the error serializer would not print.
        const cause = (error.cause as { err?: unknown } | undefined)?.err;
        const type = error instanceof AuthError ? error.type : error.name;
        authLog().error({ err: cause instanceof Error ? cause : error, type }, "Auth.js error");
      },
      warn(code) {
        authLog().warn({ code }, "Auth.js warning");
      },
      debug() {},
    },
  };
}

export const { auth, handlers, signIn, signOut } = NextAuth(() => buildAuthConfig());
