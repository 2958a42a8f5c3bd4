import { redirect } from "next/navigation";

import { homePathFor } from "@/lib/auth/paths";
import { requireViewer } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Sends the viewer to their role's workspace. The page remains so that bookmarks of /home work. */
export default async function HomePage() {
  const viewer = await requireViewer("/home");
  redirect(homePathFor(viewer.role));
}
