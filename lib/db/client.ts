import "server-only";

import { createDatabase, type Database } from "./connect";
import { getConfig } from "@/lib/config";

// Next.js bundles route handlers, server components and instrumentation separately, and each
// bundle gets its own copy of this module. The handle lives on globalThis so that one process
// opens the database once: two PGlite instances on one data folder can corrupt it.
const DATABASE_KEY = Symbol.for("berkas.database");

type DatabaseSlot = { [DATABASE_KEY]?: Promise<Database> };

const slot = globalThis as DatabaseSlot;

/**
 * Returns the process's database, opened on first use. Migrations are applied by the
 * stack launcher before the app starts, not here.
 */
export function getDb(): Promise<Database> {
  slot[DATABASE_KEY] ??= createDatabase(getConfig().database).catch((error: unknown) => {
    slot[DATABASE_KEY] = undefined;
    throw error;
  });
  return slot[DATABASE_KEY];
}

/**
 * Closes the process's database if it was opened. PGlite must be closed before the process
 * exits: a data folder left open can fail to open again.
 */
export async function closeDb(): Promise<void> {
  const opened = slot[DATABASE_KEY];
  slot[DATABASE_KEY] = undefined;
  if (opened) await (await opened.catch(() => null))?.close();
}
