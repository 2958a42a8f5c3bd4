import "server-only";

import { sql } from "drizzle-orm";

import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import type { Credentials } from "./credentials";
import type { Drizzle } from "@/lib/db/connect";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/access";
import { recordAuditEvents } from "@/lib/audit";

/** The account that a correct email and password identify. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  hospitalId: string | null;
}

/**
 * Looks up the account by email (case-insensitive), checks the password and records the
 * attempt in the audit log. Returns null for an unknown email and for a wrong password
 * alike. An unknown email is checked against a dummy hash, so both cases cost one scrypt
 * run.
 */
export async function authenticateUser(
  db: Drizzle,
  credentials: Credentials,
  clientIp: string | null,
): Promise<AuthenticatedUser | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      hospitalId: users.hospitalId,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${credentials.email.toLowerCase()}`)
    .limit(1);

  if (!user) {
    await verifyPassword(credentials.password, await DUMMY_PASSWORD_HASH);
    await recordAttempt(db, "auth.sign_in_failed", null, clientIp, "unknown_email");
    return null;
  }
  if (!(await verifyPassword(credentials.password, user.passwordHash))) {
    await recordAttempt(db, "auth.sign_in_failed", user, clientIp, "wrong_password");
    return null;
  }

  await recordAttempt(db, "auth.signed_in", user, clientIp);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    hospitalId: user.hospitalId,
  };
}

function recordAttempt(
  db: Drizzle,
  action: "auth.signed_in" | "auth.sign_in_failed",
  user: { id: string; role: Role } | null,
  clientIp: string | null,
  reason?: "unknown_email" | "wrong_password",
): Promise<void> {
  return recordAuditEvents(db, [
    {
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action,
      documentId: null,
      detail: reason ? { reason } : undefined,
      clientIp,
    },
  ]);
}
