import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Files and folders whose content decides whether the Next.js build is current. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

const STAMP_FILE = "berkas-source-hash";

/** Hashes the content of every build input under `root`, in a stable order. */
export async function hashBuildInputs(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of await listFiles(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update("\0");
      hash.update(await readFile(file));
      hash.update("\0");
    }
  }
  return hash.digest("hex");
}

/** Returns whether `.next` contains a production build of exactly the current sources. */
export async function isBuildCurrent(root: string, sourceHash: string): Promise<boolean> {
  const buildDir = path.join(root, ".next");
  if (!existsSync(path.join(buildDir, "BUILD_ID"))) return false;
  const stamp = await readFile(path.join(buildDir, STAMP_FILE), "utf8").catch(() => "");
  return stamp.trim() === sourceHash;
}

export async function recordBuild(root: string, sourceHash: string): Promise<void> {
  await writeFile(path.join(root, ".next", STAMP_FILE), `${sourceHash}\n`);
}

async function listFiles(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const stat = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (stat === null) return [entry];
  const files: string[] = [];
  for (const item of stat.sort((a, b) => a.name.localeCompare(b.name))) {
    if (item.name.endsWith(".test.ts") || item.name === "node_modules") continue;
    const full = path.join(entry, item.name);
    files.push(...(item.isDirectory() ? await listFiles(full) : [full]));
  }
  return files;
}
