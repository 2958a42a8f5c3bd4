import Link from "next/link";

import { signOutAction } from "@/app/(portal)/actions";
import { Brand } from "./brand";
import { cx } from "./cx";
import { RoleNav } from "./role-nav";
import type { Role } from "@/lib/access";
import { homePathFor } from "@/lib/auth/paths";
import type { SignedInViewer } from "@/lib/auth/viewer";

const ROLE_LABELS: Record<Role, string> = {
  patient: "Patient",
  doctor: "Doctor",
  staff: "Hospital staff",
  admin: "Administrator",
};

/**
 * Renders the portal header: the brand, the role's workspace links, who is signed in and a
 * sign-out button.
 */
export function SiteHeader({ viewer }: { viewer: SignedInViewer }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-6">
          <Link href={homePathFor(viewer.role)} className="shrink-0 rounded-md">
            <Brand />
          </Link>
          <RoleNav role={viewer.role} />
        </div>
        <div className="flex items-center gap-4">
          <p className="text-right text-sm leading-tight">
            <span className="block font-medium text-slate-900">{viewer.name}</span>
            <span className="block text-slate-500">{ROLE_LABELS[viewer.role]}</span>
          </p>
          <form action={signOutAction}>
            <button
              type="submit"
              className={cx(
                "rounded-lg border border-slate-300 bg-white px-3 py-1.5",
                "text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50",
              )}
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
