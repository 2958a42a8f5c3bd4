import "server-only";

import { sql } from "drizzle-orm";

import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import type { Credentials } from "./credentials";
import type { Drizzle } from "@/lib/db/connect";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/access";

/** The account that a correct email and password identify. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  hospitalId: string | null;
}

/**
 * Looks up the account by email (case-insensitive) and checks the password. Returns null
 * for an unknown email and for a wrong password alike. An unknown email is checked
 * against a dummy hash, so both cases cost one scrypt run.
 */
export async function authenticateUser(
  db: Drizzle,
  credentials: Credentials,
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
    return null;
  }
  if (!(await verifyPassword(credentials.password, user.passwordHash))) return null;

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    hospitalId: user.hospitalId,
  };
}
