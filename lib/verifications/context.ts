import type { Logger } from "pino";

import type { Drizzle } from "@/lib/db/connect";

/** Mints a staff member's short link to an identity document (custom policy). */
export type SignStaffLink = (request: {
  objectKey: string;
  /** Binds the link to this IPv4 address; undefined leaves it unbound. */
  clientIp: string | undefined;
  now: Date;
}) => { url: string; expiresAt: Date; policyType: "custom"; keyPairId: string };

/** Dependencies of the verification operations; the app wires its own, tests theirs. */
export interface VerificationsContext {
  db: Drizzle;
  log: Logger;
  now: () => Date;
  clientIp: string | null;
  /** Whether staff links are bound to the requesting IP (STAFF_IP_BINDING). */
  bindToClientIp: boolean;
  signLink: SignStaffLink;
}
