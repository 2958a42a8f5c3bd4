import "server-only";

import { unstable_rethrow } from "next/navigation";

import type { FailureIds } from "./errors";
import { appLog } from "./log";
import { httpStatusOf, isAppError } from "@/lib/errors";

const UNEXPECTED_MESSAGE = "Something went wrong on our side. Please try again in a minute.";

/**
 * Returns the message a form shows when its server action fails: the AppError's user-safe
 * message, or a generic one for anything else. Expected refusals (4xx) are logged at info and
 * faults at error. Next.js control flow (redirect, notFound) is re-thrown untouched.
 */
export function actionErrorMessage(error: unknown, ids: FailureIds): string {
  unstable_rethrow(error);
  if (isAppError(error) && httpStatusOf(error.code) < 500) {
    appLog().info({ ...ids, code: error.code }, error.message);
    return error.userMessage;
  }
  const code = isAppError(error) ? error.code : "unexpected";
  appLog().error({ ...ids, code, err: error }, "Server action failed");
  return isAppError(error) ? error.userMessage : UNEXPECTED_MESSAGE;
}
