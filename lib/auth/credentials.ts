import { z } from "zod";

/**
 * Upper bound on the password length accepted at sign-in. scrypt's cost grows with the
 * input, so an unbounded field would let one request burn CPU; no real password is longer.
 */
export const MAX_PASSWORD_LENGTH = 1024;

/** Email and password as submitted by the sign-in form, before any lookup. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export type Credentials = z.infer<typeof credentialsSchema>;

/** Parses untrusted credentials; returns null for anything malformed, without saying why. */
export function parseCredentials(input: unknown): Credentials | null {
  const parsed = credentialsSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}
