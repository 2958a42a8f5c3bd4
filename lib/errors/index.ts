/**
 * Codes for failures that the app reports to a user. Each maps to one HTTP status in
 * `httpStatusOf`, so route handlers and actions never choose statuses themselves.
 */
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "storage_unavailable"
  | "database_unavailable"
  | "signing_unavailable";

const STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  storage_unavailable: 503,
  database_unavailable: 503,
  signing_unavailable: 503,
};

/**
 * An expected failure. `userMessage` is safe to show in the browser; `message` and
 * `cause` are for logs only.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    options?: { cause?: unknown; internalMessage?: string },
  ) {
    super(options?.internalMessage ?? userMessage, { cause: options?.cause });
    this.name = "AppError";
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  return STATUS[code];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
