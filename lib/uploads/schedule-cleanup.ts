import "server-only";

import type { Logger } from "pino";

import { getUploadsContext, uploadsLog } from "./app-context";
import { cleanUpUploads } from "./clean-up-uploads";
import type { UploadsContext } from "./context";
import { getConfig } from "@/lib/config";

/** Returns the time between cleanup runs: a third of the maximum age, at least 60 s. */
export function cleanupIntervalMs(maxAgeSeconds: number): number {
  return Math.max(60, maxAgeSeconds / 3) * 1000;
}

export interface CleanupScheduleOptions {
  /** Age in seconds after which an unconfirmed upload is deleted. */
  maxAgeSeconds: number;
  /** Builds the context of each run, so that a database outage fails one run, not all. */
  context: () => Promise<UploadsContext>;
  log: Logger;
}

export interface CleanupSchedule {
  /** Settles when the run made at start has finished, whether or not it failed. */
  firstRun: Promise<void>;
  stop(): void;
}

/**
 * Runs `cleanUpUploads` immediately and then every `cleanupIntervalMs(maxAgeSeconds)`.
 * A failed run is logged and the schedule goes on. A run is skipped while the previous one
 * is still going. The timer does not keep the process alive. Without options it uses the
 * app's database, S3 client and UPLOAD_CLEANUP_AFTER_SECONDS.
 */
export function scheduleUploadCleanup(
  options: CleanupScheduleOptions = appScheduleOptions(),
): CleanupSchedule {
  const { maxAgeSeconds, log } = options;
  const intervalMs = cleanupIntervalMs(maxAgeSeconds);
  let running = false;

  const run = async () => {
    if (running) {
      log.warn({ maxAgeSeconds }, "upload cleanup skipped: the previous run has not finished");
      return;
    }
    running = true;
    try {
      await cleanUpUploads(await options.context(), maxAgeSeconds);
    } catch (error) {
      log.error({ err: error, maxAgeSeconds }, "upload cleanup failed");
    } finally {
      running = false;
    }
  };

  const firstRun = run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  log.info({ maxAgeSeconds, intervalSeconds: intervalMs / 1000 }, "upload cleanup scheduled");
  return { firstRun, stop: () => clearInterval(timer) };
}

function appScheduleOptions(): CleanupScheduleOptions {
  return {
    maxAgeSeconds: getConfig().uploadCleanupAfterSeconds,
    context: () => getUploadsContext(null),
    log: uploadsLog(),
  };
}
