import "server-only";

import { headers } from "next/headers";

import { clientIpOf } from "@/lib/auth/client-ip";

/** Returns the current request's address for the audit log, as `clientIpOf` reads it. */
export async function currentClientIp(): Promise<string | null> {
  return clientIpOf(await headers());
}
