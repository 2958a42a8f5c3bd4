import type { Metadata } from "next";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Berkas", template: "%s · Berkas" },
  description: "Your prescriptions, lab reports, invoices and doctor notes in one place.",
  // Portal pages are private; nothing here belongs in a search index.
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
