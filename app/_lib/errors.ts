import "server-only";

import { notFound, unstable_rethrow } from "next/navigation";

import { PRIVATE_NO_STORE } from "./headers";
import { appLog } from "./log";
import { httpStatusOf, isAppError } from "@/lib/errors";

/** The ids a failure is logged with. */
export interface FailureIds {
  requestId: string;
  userId?: string;
  documentId?: string;
}

const UNEXPECTED_MESSAGE = "Something went wrong on our side. Please try again in a minute.";

/**
 * Maps a failure caught while rendering a page: not_found becomes the not-found page, and
 * everything else is logged and re-thrown to the segment's error.tsx. Next.js control flow
 * (redirect, notFound) passes through untouched.
 */
export function failPage(error: unknown, ids: FailureIds): never {
  unstable_rethrow(error);
  if (isAppError(error) && error.code === "not_found") notFound();
  logFailure(error, ids);
  throw error;
}

/**
 * Maps a failure caught in a route handler to a response with the AppError's status and
 * user-safe message, or 500 with a generic message for anything else.
 */
export function errorResponse(error: unknown, ids: FailureIds): Response {
  unstable_rethrow(error);
  logFailure(error, ids);
  const status = isAppError(error) ? httpStatusOf(error.code) : 500;
  const message = isAppError(error) ? error.userMessage : UNEXPECTED_MESSAGE;
  return new Response(errorPage(status, message), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": PRIVATE_NO_STORE,
    },
  });
}

/** Logs expected refusals (4xx) at info and faults at error, never with a signed URL. */
function logFailure(error: unknown, ids: FailureIds): void {
  if (isAppError(error) && httpStatusOf(error.code) < 500) {
    appLog().info({ ...ids, code: error.code }, error.message);
    return;
  }
  const code = isAppError(error) ? error.code : "unexpected";
  appLog().error({ ...ids, code, err: error }, "Request failed");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function errorPage(status: number, message: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${status === 404 ? "Document not found" : "Document unavailable"} · Berkas</title>`,
    "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;",
    "padding:0 1rem;color:#0f172a}a{color:#0f766e}</style></head><body>",
    `<h1>${status === 404 ? "Document not found" : "Document unavailable"}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    '<p><a href="/documents">Back to your documents</a></p>',
    "</body></html>",
  ].join("");
}
