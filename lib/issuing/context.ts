import type { Logger } from "pino";

import type { Drizzle } from "@/lib/db/connect";
import type { Storage } from "@/lib/storage";

/** Dependencies of a doctor's operations; the app wires the process's own, tests theirs. */
export interface IssuingContext {
  db: Drizzle;
  storage: Storage;
  log: Logger;
  now: () => Date;
  clientIp: string | null;
}
