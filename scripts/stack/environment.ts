import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { loadConfig, type Config } from "@/lib/config";

/**
 * Builds the environment for every process of the local stack from the launcher's own:
 * validates it (ConfigError names the bad variable), and on first run creates a session
 * secret under the data folder so sign-ins survive restarts.
 */
export async function prepareStackEnvironment(
  base: NodeJS.ProcessEnv,
): Promise<{ env: NodeJS.ProcessEnv; config: Config }> {
  const initial = loadConfig(base);
  await mkdir(initial.dataDir, { recursive: true, mode: 0o700 });

  const env: NodeJS.ProcessEnv = {
    ...base,
    NODE_ENV: "production",
    BERKAS_DATA_DIR: initial.dataDir,
    AUTH_SECRET: initial.auth.secret ?? (await readOrCreateSecret(initial.dataDir)),
    AUTH_TRUST_HOST: base.AUTH_TRUST_HOST ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // The SDK versions are pinned, so its notice about future Node.js requirements is noise.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  return { env, config: loadConfig(env) };
}

async function readOrCreateSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
