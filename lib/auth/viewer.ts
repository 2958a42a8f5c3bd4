import { z } from "zod";

import type { Viewer } from "@/lib/access";

/** A viewer with the display fields the portal header shows. */
export interface SignedInViewer extends Viewer {
  name: string;
  email: string;
}

const sessionUserSchema = z.object({
  id: z.guid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["patient", "doctor", "staff", "admin"]),
  hospitalId: z.guid().nullable().optional(),
});

/**
 * Builds the viewer from an Auth.js session, or returns null when there is no session or
 * its user lacks a valid id or role (a token from an older release, say). A staff member
 * keeps their hospital; other roles never carry one.
 */
export function viewerFromSession(session: { user?: unknown } | null): SignedInViewer | null {
  const parsed = sessionUserSchema.safeParse(session?.user);
  if (!parsed.success) return null;
  const { id, name, email, role, hospitalId } = parsed.data;
  return { id, name, email, role, hospitalId: role === "staff" ? (hospitalId ?? null) : null };
}
