import type { Role } from "@/lib/access";

export interface NavLink {
  href: string;
  label: string;
}

/** The workspace pages of each role, in header order. */
export const ROLE_LINKS: Record<Role, readonly NavLink[]> = {
  patient: [
    { href: "/documents", label: "Documents" },
    { href: "/appointments", label: "Appointments" },
  ],
  doctor: [
    { href: "/doctor", label: "Issued documents" },
    { href: "/doctor/issue", label: "Issue a document" },
  ],
  staff: [{ href: "/staff", label: "Verification queue" }],
  admin: [{ href: "/admin/audit", label: "Audit log" }],
};

/**
 * Returns the href of the link that covers `pathname`: the longest one that equals it or is a
 * parent path of it, so `/staff/review/…` marks the queue and `/doctor/issue` only itself.
 */
export function activeHrefOf(links: readonly NavLink[], pathname: string): string | undefined {
  const covering = links.filter(
    (link) => pathname === link.href || pathname.startsWith(`${link.href}/`),
  );
  return covering.toSorted((a, b) => b.href.length - a.href.length)[0]?.href;
}
