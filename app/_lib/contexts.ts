import "server-only";

import type { Logger } from "pino";

import { currentClientIp } from "./client-ip";
import { getConfig } from "@/lib/config";
import type { Drizzle } from "@/lib/db/connect";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IssuingContext } from "@/lib/issuing";
import { createLogger } from "@/lib/log";
import { signStaffLink } from "@/lib/signing";
import { defaultStorage } from "@/lib/storage";
import type { VerificationsContext } from "@/lib/verifications";

const loggers = new Map<string, Logger>();

function logFor(name: "issuing" | "verifications"): Logger {
  let logger = loggers.get(name);
  if (!logger) {
    logger = createLogger(name, getConfig().logLevel);
    loggers.set(name, logger);
  }
  return logger;
}

/**
 * Opens the process's database, reporting a failure as AppError("database_unavailable"). Pages
 * that only read, such as the audit log, call it directly.
 */
export async function openDatabase(): Promise<Drizzle> {
  try {
    return (await getDb()).db;
  } catch (error) {
    throw new AppError(
      "database_unavailable",
      "We can't reach the portal's database right now. Please try again in a minute.",
      { cause: error, internalMessage: "Opening the database failed" },
    );
  }
}

/** Builds the context a doctor's operations run in for the current request. */
export async function issuingContext(): Promise<IssuingContext> {
  return {
    db: await openDatabase(),
    storage: defaultStorage(),
    log: logFor("issuing"),
    now: () => new Date(),
    clientIp: await currentClientIp(),
  };
}

/**
 * Builds the context the verification operations run in for the current request. Staff links
 * are bound to the requesting address when STAFF_IP_BINDING is on.
 */
export async function verificationsContext(): Promise<VerificationsContext> {
  return {
    db: await openDatabase(),
    log: logFor("verifications"),
    now: () => new Date(),
    clientIp: await currentClientIp(),
    bindToClientIp: getConfig().staffIpBinding,
    signLink: signStaffLink,
  };
}
