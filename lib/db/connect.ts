import path from "node:path";
import { fileURLToPath } from "node:url";

import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";

import * as schema from "./schema";
import type { Config } from "@/lib/config";

export type DatabaseConfig = Config["database"];

export type Drizzle = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with the Drizzle handle and a way to release it. */
export interface Database {
  db: Drizzle;
  kind: DatabaseConfig["kind"];
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Opens PGlite (one process per data folder: PGlite takes no lock, so the caller must
 * make sure nothing else has the folder open) or a PostgreSQL pool.
 */
export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "pglite") {
    const client = await PGlite.create(config.dataDir);
    const db = drizzlePglite(client, { schema });
    return { db, kind: "pglite", close: () => client.close() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle client that loses its connection emits here; without a listener the process dies.
  pool.on("error", () => undefined);
  const db = drizzlePostgres(pool, { schema });
  return { db, kind: "postgres", close: () => pool.end() };
}

/** Applies every pending migration in lib/db/migrations. */
export async function migrateDatabase(database: Database): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === "pglite") {
    await migratePglite(database.db as Parameters<typeof migratePglite>[0], options);
  } else {
    await migratePostgres(database.db as Parameters<typeof migratePostgres>[0], options);
  }
}
