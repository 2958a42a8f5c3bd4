import "server-only";

import type { Logger } from "pino";

import { getConfig } from "@/lib/config";
import { createLogger } from "@/lib/log";

let logger: Logger | undefined;

/** Returns the auth logger, created on first use so that importing needs no env. */
export function authLog(): Logger {
  logger ??= createLogger("auth", getConfig().logLevel);
  return logger;
}
