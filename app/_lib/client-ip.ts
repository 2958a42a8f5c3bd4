import "server-only";

import { headers } from "next/headers";

import { clientIpOf } from "@/lib/auth/client-ip";
import { getConfig } from "@/lib/config";

/** Returns the current request's address, as `clientIpOf` reads it behind TRUSTED_PROXY_COUNT. */
export async function currentClientIp(): Promise<string | null> {
  return clientIpOf(await headers(), getConfig().trustedProxyCount);
}
