import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";

import { createDatabase, migrateDatabase, type Database } from "@/lib/db/connect";

export type TestDatabaseKind = "pglite" | "postgres";

/** Every database the data layer is tested against; PostgreSQL is skipped without a server. */
export const TEST_DATABASE_KINDS: readonly TestDatabaseKind[] = ["pglite", "postgres"];

/**
 * Returns the URL of the PostgreSQL server the global setup found or started (TEST_DATABASE_URL
 * when set), or null when none is available.
 */
export function postgresServerUrl(): string | null {
  return inject("postgresUrl") ?? null;
}

/** Whether tests for this kind must be skipped; prints the reason when they are. */
function isUnavailable(kind: TestDatabaseKind): boolean {
  if (kind === "pglite" || postgresServerUrl() !== null) return false;
  process.stderr.write("No PostgreSQL server for tests: PostgreSQL variants are skipped.\n");
  return true;
}

/**
 * Declares the suite once per database kind (`<name> on pglite`, `<name> on postgres`),
 * each with its own migrated database, opened before and deleted after the suite.
 */
export function describeOnEachDatabase(name: string, body: (database: () => Database) => void) {
  for (const kind of TEST_DATABASE_KINDS) {
    describe.skipIf(isUnavailable(kind))(`${name} on ${kind}`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error(`The ${kind} test database failed to open`);
        return database;
      });
    });
  }
}

/**
 * Opens an empty, migrated database of the given kind. PGlite gets a temporary data
 * folder; PostgreSQL gets a new database on the test server, so test files never share
 * rows. `close()` deletes either.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  return kind === "pglite" ? openPglite() : openPostgres();
}

async function openPglite(): Promise<Database> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "berkas-pglite-"));
  const database = await createDatabase({ kind: "pglite", dataDir });
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<Database> {
  const serverUrl = postgresServerUrl();
  if (!serverUrl) throw new Error("No PostgreSQL server for tests; check isUnavailable first");

  const name = `berkas_test_${randomBytes(6).toString("hex")}`;
  await runAdminStatement(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  const database = await createDatabase({ kind: "postgres", url: url.toString() });
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      await runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function runAdminStatement(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
