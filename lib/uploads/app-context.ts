import "server-only";

import type { Logger } from "pino";

import type { UploadsContext } from "./context";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { queryOrFail } from "@/lib/documents/errors";
import { createLogger } from "@/lib/log";
import { defaultStorage } from "@/lib/storage";

let logger: Logger | undefined;

/** Returns the uploads logger, created on first use so that importing needs no env. */
export function uploadsLog(): Logger {
  logger ??= createLogger("uploads", getConfig().logLevel);
  return logger;
}

/**
 * Builds the context the app runs upload operations in: the process's database and S3
 * client, the wall clock, and the viewer's address for the audit log. Throws
 * AppError("database_unavailable") when the database cannot be opened.
 */
export async function getUploadsContext(clientIp: string | null): Promise<UploadsContext> {
  const { db } = await queryOrFail("open the database", () => getDb());
  return { db, storage: defaultStorage(), log: uploadsLog(), now: () => new Date(), clientIp };
}
