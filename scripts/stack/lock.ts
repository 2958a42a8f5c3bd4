import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Takes an exclusive claim on the data folder, because PGlite takes no lock of its own and
 * two processes writing one database folder corrupt it. A claim whose process is gone
 * is taken over.
 */
export function claimDataDir(dataDir: string): { release(): void } {
  const file = path.join(dataDir, "launcher.pid");
  const holder = runningHolder(file);
  if (holder !== null) {
    throw new Error(
      `The data folder ${dataDir} is in use by another Berkas stack (pid ${holder}). ` +
        "Stop it first, or use another folder with BERKAS_DATA_DIR.",
    );
  }
  writeFileSync(file, `${process.pid}\n`);
  return { release: () => rmSync(file, { force: true }) };
}

/** Returns the pid of a live process that has claimed on `dataDir`, or null. */
export function dataDirHolder(dataDir: string): number | null {
  return runningHolder(path.join(dataDir, "launcher.pid"));
}

function runningHolder(file: string): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(file, "utf8"), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
