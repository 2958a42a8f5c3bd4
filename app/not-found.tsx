import Link from "next/link";

import { Brand } from "@/components/brand";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center px-4 py-24 text-center">
      <Brand size="lg" />
      <h1 className="mt-8 text-xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page does not exist or is not available to you.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Go to your home page
      </Link>
    </main>
  );
}
