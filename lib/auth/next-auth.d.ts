import type { Role } from "@/lib/access";

// Session fields stay optional in these types: a session is untrusted input until
// `viewerFromSession` has validated it.

declare module "next-auth" {
  /** The account fields the Credentials provider returns and the JWT carries. */
  interface User {
    role?: Role;
    hospitalId?: string | null;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    hospitalId?: string | null;
  }
}
