/**
 * Deletes the local data folder (database, stored objects, development keys, session
 * secret) so that the next `npm start` seeds fresh demo data.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import { dataDirHolder } from "./stack/lock";
import { ConfigError, loadConfig } from "@/lib/config";

async function main(): Promise<void> {
  const { dataDir } = loadConfig(process.env);
  if (dataDir === path.parse(dataDir).root || dataDir === process.cwd()) {
    throw new Error(`BERKAS_DATA_DIR points at ${dataDir}; refusing to delete it.`);
  }
  const holder = dataDirHolder(dataDir);
  if (holder !== null) {
    throw new Error(`The stack (pid ${holder}) is using ${dataDir}. Stop it with Ctrl-C first.`);
  }
  if (!existsSync(dataDir)) {
    process.stdout.write(`Nothing to reset: ${dataDir} does not exist.\n`);
    return;
  }
  await rm(dataDir, { recursive: true, force: true });
  process.stdout.write(`Deleted ${dataDir}. The next npm start seeds fresh demo data.\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : error;
  process.stderr.write(`${String(message)}\n`);
  process.exit(1);
});
