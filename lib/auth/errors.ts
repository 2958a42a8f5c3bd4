import { AuthError } from "next-auth";

/**
 * Reports whether Auth.js rejected a credentials sign-in (unknown email, wrong password or
 * malformed input). Compares `type`, not the class name, which minification renames.
 */
export function isCredentialsSignin(error: unknown): boolean {
  return error instanceof AuthError && error.type === "CredentialsSignin";
}
