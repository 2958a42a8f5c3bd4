/**
 * Vitest global setup: starts a throwaway PostgreSQL server on loopback so that the data
 * layer is tested against real PostgreSQL as well as PGlite. TEST_DATABASE_URL, when set,
 * is used instead. Without PostgreSQL binaries the PostgreSQL variants are skipped.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import { userInfo, tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { freePort } from "@/scripts/stack/ports";

import type {} from "vitest";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection URL of a PostgreSQL server for tests, or null when none is available. */
    postgresUrl: string | null;
  }
}

let server: ChildProcess | undefined;
let dataRoot: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const configuredUrl = process.env.TEST_DATABASE_URL;
  if (configuredUrl) {
    project.provide("postgresUrl", configuredUrl);
    return;
  }
  const binDir = findPostgresBinaries();
  if (!binDir) {
    process.stderr.write("PostgreSQL binaries not found: PostgreSQL test variants are skipped.\n");
    project.provide("postgresUrl", null);
    return;
  }

  dataRoot = mkdtempSync(path.join(tmpdir(), "berkas-pg-"));
  const dataDir = path.join(dataRoot, "data");
  const asRoot = userInfo().uid === 0;
  if (asRoot) chownTo(dataRoot, "postgres");
  const run = (command: string, args: string[]) =>
    asRoot
      ? ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", command, ...args]]
      : [command, args];

  const [initCommand, initArgs] = run(path.join(binDir, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "berkas",
    "--auth=trust",
    "--no-sync",
  ]) as [string, string[]];
  execFileSync(initCommand, initArgs, { stdio: "ignore" });

  const port = await freePort();
  const [command, args] = run(path.join(binDir, "postgres"), [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "-k",
    dataRoot,
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
  ]) as [string, string[]];
  server = spawn(command, args, { stdio: "ignore" });
  const url = `postgres://berkas@127.0.0.1:${port}/postgres`;
  await waitForQueries(url, 20_000);
  project.provide("postgresUrl", url);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGINT");
    await exited;
  }
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
}

function findPostgresBinaries(): string | undefined {
  const candidates = (process.env.PATH ?? "").split(path.delimiter);
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    for (const version of readdirSync(debianRoot).sort().reverse()) {
      candidates.push(path.join(debianRoot, version, "bin"));
    }
  }
  return candidates.find(
    (dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "postgres")),
  );
}

function chownTo(dir: string, user: string): void {
  const uid = Number(execFileSync("id", ["-u", user]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", user]).toString().trim());
  chownSync(dir, uid, gid);
}

/** Retries a trivial query, since PostgreSQL rejects connections while it starts up. */
async function waitForQueries(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`PostgreSQL at ${url} did not accept queries within ${timeoutMs / 1000} s`, {
    cause: lastError,
  });
}
