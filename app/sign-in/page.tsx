import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Brand } from "@/components/brand";
import { SignInForm } from "@/components/sign-in-form";
import { homePathFor, safeCallbackPath } from "@/lib/auth/paths";
import { getViewer } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  const viewer = await getViewer();
  if (viewer) redirect(callbackUrl ?? homePathFor(viewer.role));

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Brand size="lg" />
      <div className="mt-8 w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">
          Your prescriptions, lab reports, invoices and doctor notes in one place.
        </p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
