import { redirect } from "next/navigation";

import { homePathFor, SIGN_IN_PATH } from "@/lib/auth/paths";
import { getViewer } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Sends a signed-in user to their role's home page and anyone else to sign in. */
export default async function RootPage() {
  const viewer = await getViewer();
  redirect(viewer ? homePathFor(viewer.role) : SIGN_IN_PATH);
}
