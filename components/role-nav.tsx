"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cx } from "./cx";
import { activeHrefOf, ROLE_LINKS } from "./role-links";
import type { Role } from "@/lib/access";

/**
 * Renders the header links of the viewer's role. A client component only because the current
 * path decides which link is marked; it receives the role and nothing else.
 */
export function RoleNav({ role }: { role: Role }) {
  const pathname = usePathname();
  const links = ROLE_LINKS[role];
  const active = activeHrefOf(links, pathname);

  return (
    <nav aria-label="Workspace" className="flex items-center gap-1 overflow-x-auto">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.href === active ? "page" : undefined}
          className={cx(
            "rounded-lg px-3 py-1.5 text-sm font-medium whitespace-nowrap",
            link.href === active
              ? "bg-brand-50 text-brand-800"
              : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
