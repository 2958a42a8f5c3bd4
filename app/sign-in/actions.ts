"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";

import { signIn } from "@/lib/auth";
import { parseCredentials } from "@/lib/auth/credentials";
import { isCredentialsSignin } from "@/lib/auth/errors";
import { authLog } from "@/lib/auth/log";
import { safeCallbackPath } from "@/lib/auth/paths";

/** The sign-in form's state between submissions. */
export interface SignInState {
  error: string | null;
  /** The email as typed, so a failed attempt does not clear it. */
  email: string;
}

const INCORRECT_CREDENTIALS = "Incorrect email or password.";
const SIGN_IN_UNAVAILABLE = "Sign-in is not available right now. Please try again in a minute.";

/**
 * Signs in with email and password, then redirects to the form's `callbackUrl` when it is
 * a same-origin path, else to `/`, which forwards to the role's home. Every credential
 * failure gets the same message, so the form never reveals whether an account exists.
 */
export async function signInWithPassword(
  _previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  const typedEmail = form.get("email");
  const email = typeof typedEmail === "string" ? typedEmail.slice(0, 320) : "";
  const credentials = parseCredentials({ email: typedEmail, password: form.get("password") });
  const target = safeCallbackPath(form.get("callbackUrl")) ?? "/";

  if (!credentials) return { error: INCORRECT_CREDENTIALS, email };

  try {
    await signIn("credentials", { ...credentials, redirect: false });
  } catch (error) {
    if (isCredentialsSignin(error)) return { error: INCORRECT_CREDENTIALS, email };
    // Auth.js has already logged its own errors, so only failures before it ran are logged here.
    if (!(error instanceof AuthError)) authLog().error({ err: error }, "Sign-in failed");
    return { error: SIGN_IN_UNAVAILABLE, email };
  }

  redirect(target);
}
