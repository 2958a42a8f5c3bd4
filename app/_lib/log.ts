import "server-only";

import type { Logger } from "pino";

import { getConfig } from "@/lib/config";
import { createLogger } from "@/lib/log";

let logger: Logger | undefined;

/** Returns the logger for pages and route handlers, created on first use. */
export function appLog(): Logger {
  logger ??= createLogger("app", getConfig().logLevel);
  return logger;
}
