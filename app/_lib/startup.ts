import "server-only";

import { ConfigError, getConfig } from "@/lib/config";
import { createLogger } from "@/lib/log";
import { checkSigningSetup, PrivateKeyError, SigningSetupError } from "@/lib/signing";

/** Thrown when a setting the app needs, but other processes do not, is missing. */
class MissingAppSettingError extends Error {}

/**
 * Checks what the app needs before it serves a request: a valid environment, AUTH_SECRET,
 * and a signing key that the trusted public keys verify. On any problem it logs the failure
 * and exits with status 1. The messages name the variable, never its value.
 */
export async function checkStartup(): Promise<void> {
  const log = createLogger("startup");
  try {
    const config = getConfig();
    if (!config.auth.secret) {
      throw new MissingAppSettingError(
        "AUTH_SECRET is missing: set it to at least 32 random characters (openssl rand -base64 32)",
      );
    }
    await checkSigningSetup(config);
    log.info({ cloudfrontUrl: config.cloudfront.url }, "Configuration and signing key checked");
  } catch (error) {
    // These errors carry a complete, secret-free explanation; a stack would add only noise.
    const known =
      error instanceof ConfigError ||
      error instanceof MissingAppSettingError ||
      error instanceof SigningSetupError ||
      error instanceof PrivateKeyError;
    const message = error instanceof Error ? error.message : String(error);
    log.fatal(known ? { message } : { err: error }, "The app cannot start");
    process.exit(1);
  }
}
