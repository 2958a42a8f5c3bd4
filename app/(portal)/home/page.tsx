import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { homePathFor } from "@/lib/auth/paths";
import { requireViewer } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Home" };

const WORKSPACES = {
  doctor: "Issuing prescriptions and doctor notes",
  staff: "Verifying identity documents for appointments",
  admin: "Managing signing keys and reading the audit log",
} as const;

/** Renders the landing page of doctors, staff and administrators until their workspaces exist. */
export default async function HomePage() {
  const viewer = await requireViewer("/home");
  if (viewer.role === "patient") redirect(homePathFor(viewer.role));

  return (
    <div className="rounded-xl border border-slate-200 bg-white px-6 py-8 shadow-sm">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Welcome, {viewer.name}
      </h1>
      <p className="mt-3 max-w-xl text-sm text-slate-600">
        {WORKSPACES[viewer.role]} is not available in Berkas yet. You are signed in, and this page
        will lead to your workspace once it is ready.
      </p>
    </div>
  );
}
