import "server-only";

import { redirect } from "next/navigation";

import { auth } from "./index";
import { homePathFor, signInPathFor } from "./paths";
import { viewerFromSession, type SignedInViewer } from "./viewer";
import type { Role } from "@/lib/access";

export type { SignedInViewer } from "./viewer";

/** Returns the signed-in viewer, or null for an anonymous request or an invalid session. */
export async function getViewer(): Promise<SignedInViewer | null> {
  return viewerFromSession(await auth());
}

/**
 * Returns the signed-in viewer or redirects to the sign-in page, which sends the user
 * back to `returnTo` (a same-origin path such as `/documents`) afterwards. Every page,
 * action and route handler calls this itself; proxy.ts only saves a round trip.
 */
export async function requireViewer(returnTo: string): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInPathFor(returnTo));
  return viewer;
}

/** Like `requireViewer`, and sends a viewer of any other role to their own home page. */
export async function requireRole(role: Role, returnTo: string): Promise<SignedInViewer> {
  const viewer = await requireViewer(returnTo);
  if (viewer.role !== role) redirect(homePathFor(viewer.role));
  return viewer;
}
