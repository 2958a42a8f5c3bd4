/**
 * Starts the whole local stack on loopback and keeps it up until Ctrl-C. The parts are the
 * S3 store (s3rver), a development signing key, the database (migrated, and seeded on first
 * run), the edge, and the app in production mode, built first when the build is stale.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { seedDemoData, isSeeded } from "./seed";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed/demo-data";
import { hashBuildInputs, isBuildCurrent, recordBuild } from "./stack/build";
import { runToCompletion, startChild, stopChild, type Child } from "./stack/children";
import { prepareStackEnvironment } from "./stack/environment";
import { claimDataDir } from "./stack/lock";
import { assertPortFree, waitForHttp } from "./stack/ports";
import { startS3Store } from "./stack/s3-store";
import { ConfigError, type Config } from "@/lib/config";
import { createDatabase, migrateDatabase } from "@/lib/db/connect";
import { ensureDevelopmentKeyRing } from "@/lib/signing/development-keys";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const READY_TIMEOUT_MS = 90_000;

const children: Child[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
let stopping = false;

async function main(): Promise<void> {
  const { env, config } = await prepareStackEnvironment(process.env);
  const lock = claimDataDir(config.dataDir);
  cleanups.push(() => lock.release());
  // lib/ modules read their settings through getConfig(), which parses process.env.
  Object.assign(process.env, env);

  const embeddedS3 = config.s3.endpoint === `http://localhost:${config.ports.s3}`;
  await assertPortFree(config.ports.app, "APP_PORT");
  await assertPortFree(config.ports.edge, "EDGE_PORT");
  if (embeddedS3) await assertPortFree(config.ports.s3, "S3_PORT");

  const appUrl = `http://localhost:${config.ports.app}`;
  if (embeddedS3) {
    const store = await startS3Store({
      port: config.ports.s3,
      dataDir: config.dataDir,
      bucket: config.s3.bucket,
      allowedOrigins: [appUrl, `http://127.0.0.1:${config.ports.app}`],
    });
    cleanups.unshift(() => store.close());
    log(`S3 store (s3rver) on ${config.s3.endpoint}, data in ${path.join(config.dataDir, "s3")}`);
  }

  if (!config.cloudfront.privateKey) {
    const keyRing = await ensureDevelopmentKeyRing(path.dirname(config.cloudfront.keyRingFile));
    log(`${keyRing.created ? "Generated" : "Using"} development signing key in ${keyRing.file}`);
  }

  await prepareDatabase(config);

  children.push(startEdge(env));
  await buildIfNeeded(env);
  children.push(
    startChild(
      "app",
      process.execPath,
      [NEXT_BIN, "start", "--port", String(config.ports.app), "--hostname", "127.0.0.1"],
      env,
    ),
  );
  for (const child of children) {
    void child.exited.then((code) => {
      if (!stopping) {
        process.stderr.write(`${child.name} stopped unexpectedly (${code}); stopping the stack.\n`);
        void shutdown(1);
      }
    });
  }

  await waitForHttp(`http://127.0.0.1:${config.ports.edge}/`, READY_TIMEOUT_MS);
  await waitForHttp(`http://127.0.0.1:${config.ports.app}/sign-in`, READY_TIMEOUT_MS);
  printBanner(config, appUrl);
}

async function prepareDatabase(config: Config): Promise<void> {
  const database = await createDatabase(config.database);
  try {
    await migrateDatabase(database);
    if (await isSeeded(database.db)) {
      log("Database ready (existing data kept)");
    } else {
      log("Seeding demo hospitals, accounts and documents…");
      await seedDemoData(database.db);
      log("Database migrated and seeded");
    }
  } finally {
    // PGlite allows one process per folder: release it before the app opens it.
    await database.close();
  }
}

function startEdge(env: NodeJS.ProcessEnv): Child {
  return startChild(
    "edge",
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "edge", "main.ts")],
    env,
  );
}

async function buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void> {
  const sourceHash = await hashBuildInputs(ROOT);
  if (await isBuildCurrent(ROOT, sourceHash)) {
    log("Production build is current");
    return;
  }
  log("Building the app for production (next build)…");
  await runToCompletion(process.execPath, [NEXT_BIN, "build"], env);
  await recordBuild(ROOT, sourceHash);
}

function printBanner(config: Config, appUrl: string): void {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const accounts = DEMO_USERS.map(
    (user) => `    ${user.email.padEnd(width)}  ${user.role.padEnd(8)} ${user.name}`,
  ).join("\n");
  process.stdout.write(`
Berkas is running.

  Portal   ${appUrl}
  Edge     ${config.cloudfront.url}  (verifies CloudFront signed URLs)
  S3       ${config.s3.endpoint ?? "AWS S3"}  bucket ${config.s3.bucket}
  Data     ${config.dataDir}

  Demo accounts (password: ${DEMO_PASSWORD}):
${accounts}

Press Ctrl-C to stop. Reset the demo data with: npm run reset
`);
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  await Promise.all(children.map((child) => stopChild(child)));
  for (const cleanup of cleanups) {
    await Promise.resolve(cleanup()).catch((error: unknown) => {
      process.stderr.write(`Cleanup failed: ${describe(error)}\n`);
    });
  }
  process.exit(exitCode);
}

function log(message: string): void {
  process.stdout.write(`[stack] ${message}\n`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Berkas could not start: ${describe(error)}\n`);
    if (error instanceof Error && error.cause) {
      process.stderr.write(`  cause: ${describe(error.cause)}\n`);
    }
  }
  void shutdown(1);
});
