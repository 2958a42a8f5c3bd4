"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";

import { cx } from "./cx";
import { signInWithPassword, type SignInState } from "@/app/sign-in/actions";

const INPUT = cx(
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm",
  "text-slate-900 shadow-sm placeholder:text-slate-400",
  "focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600/30",
);

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className={cx(
        "w-full rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm",
        "hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70",
      )}
    >
      {pending ? "Signing in…" : "Sign in"}
    </button>
  );
}

/**
 * Renders the email and password form, which submits through a server action.
 *
 * NOTE: the form needs JavaScript. Under `Referrer-Policy: no-referrer` a browser sends
 * `Origin: null` with a plain form post, and Next.js rejects that server action as a
 * possible CSRF attack; the fetch that React sends with JavaScript carries the real origin.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const [state, formAction] = useActionState<SignInState, FormData>(signInWithPassword, {
    error: null,
    email: "",
  });

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {state.error ? (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800"
        >
          {state.error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className={INPUT}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={INPUT}
        />
      </div>
      <SubmitButton />
    </form>
  );
}
