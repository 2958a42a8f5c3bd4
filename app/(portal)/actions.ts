"use server";

import { signOut } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/auth/paths";

/** Ends the session and returns to the sign-in page. Safe to call without a session. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: SIGN_IN_PATH });
}
