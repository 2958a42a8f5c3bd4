import type { Logger } from "pino";

import type { Drizzle } from "@/lib/db/connect";
import type { Storage } from "@/lib/storage";

/** Dependencies of the upload operations; the app wires the process's own, tests theirs. */
export interface UploadsContext {
  db: Drizzle;
  storage: Storage;
  log: Logger;
  now: () => Date;
  clientIp: string | null;
}

/** Prefix of objects written by browsers through presigned POSTs, before they are checked. */
export const STAGING_PREFIX = "uploads/";

export function stagingKeyOf(documentId: string): string {
  return `${STAGING_PREFIX}${documentId}`;
}
