import type { ReactNode } from "react";

import { SiteHeader } from "@/components/site-header";
import { getViewer } from "@/lib/auth/session";

/**
 * Renders the signed-in shell. It reads the session only for the header, and each page
 * calls requireViewer itself, because layouts do not re-render on every navigation.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      {viewer ? <SiteHeader viewer={viewer} /> : null}
      <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">{children}</main>
    </>
  );
}
