import "server-only";

import { randomUUID } from "node:crypto";

import { headers } from "next/headers";

import { REQUEST_ID_HEADER } from "./headers";

/** Returns the id proxy.ts gave this request, or a fresh one where the proxy did not run. */
export async function currentRequestId(): Promise<string> {
  return (await headers()).get(REQUEST_ID_HEADER) ?? randomUUID();
}
