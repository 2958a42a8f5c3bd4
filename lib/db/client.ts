import "server-only";

import { createDatabase, type Database } from "./connect";
import { getConfig } from "@/lib/config";

let database: Promise<Database> | undefined;

/**
 * Returns the process's database, opened on first use. Migrations are applied by the
 * stack launcher before the app starts, not here.
 */
export function getDb(): Promise<Database> {
  database ??= createDatabase(getConfig().database).catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  return database;
}
