import "server-only";

import type { Logger } from "pino";

import { queryOrFail } from "./errors";
import type { DocumentsContext } from "./types";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { createLogger } from "@/lib/log";
import { signDocumentCookies, signDocumentLink } from "@/lib/signing";

let logger: Logger | undefined;

/** Returns the data-layer logger, created on first use so that importing needs no env. */
export function documentsLog(): Logger {
  logger ??= createLogger("documents", getConfig().logLevel);
  return logger;
}

/**
 * Builds the context the app runs the data layer in: the process's database, the CloudFront
 * link and cookie signers and the viewer's address for the audit log. Throws
 * AppError("database_unavailable") when the database cannot be opened.
 */
export async function getDocumentsContext(clientIp: string | null): Promise<DocumentsContext> {
  const { db } = await queryOrFail("open the database", () => getDb());
  return {
    db,
    signLink: signDocumentLink,
    signCookies: signDocumentCookies,
    log: documentsLog(),
    clientIp,
  };
}
