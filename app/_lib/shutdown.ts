import "server-only";

import { closeDb } from "@/lib/db/client";
import { createLogger } from "@/lib/log";

/**
 * Closes the database when the server is asked to stop. Next.js handles the same signals
 * and exits once its HTTP server has closed, so this starts the close at the signal.
 *
 * NOTE: nothing makes Next.js wait for this close, so a close slower than its server
 * shutdown would be cut short.
 */
export function closeDatabaseOnShutdown(): void {
  const log = createLogger("shutdown");
  const close = (signal: NodeJS.Signals) => {
    closeDb().then(
      () => log.info({ signal }, "Database closed"),
      (error: unknown) => log.error({ err: error, signal }, "Closing the database failed"),
    );
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
}
