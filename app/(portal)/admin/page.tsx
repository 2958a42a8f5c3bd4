import { redirect } from "next/navigation";

import { requireRole } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Sends administrators to the audit log, their only workspace page so far. */
export default async function AdminPage() {
  await requireRole("admin", "/admin");
  redirect("/admin/audit");
}
