import "server-only";

import { statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

import type { Logger } from "pino";

import type { TrustedKeyLookup } from "@/lib/cloudfront/types";

/** The result of loading a key file: the lookup, and key ids for the log. */
export interface LoadedKeys {
  keys: TrustedKeyLookup;
  summary: { trusted: string[]; revoked?: string[] };
}

export interface KeySourceOptions {
  file: string;
  /** Reads and parses the file; throws with a message naming the problem. */
  load: (file: string) => LoadedKeys;
  logger: Logger;
  /** Monotonic milliseconds for the once-a-second check; defaults to performance.now. */
  clock?: () => number;
  /** Set false to rely on the once-a-second check alone (tests of that fallback). */
  watch?: boolean;
  /** Called after every load attempt. */
  onLoad?: (outcome: { ok: boolean }) => void;
}

/** The trusted keys of the edge, kept current while the file changes. */
export interface KeySource {
  /** Returns the last good key set; at most once a second it also checks the file's mtime. */
  current(): TrustedKeyLookup;
  close(): void;
}

export const FALLBACK_CHECK_MS = 1_000;

const NO_KEYS: TrustedKeyLookup = {
  find: () => undefined,
  describeUntrusted: () => "not trusted: the edge has not loaded any trusted keys",
};

/**
 * Loads trusted keys from `file` now and again whenever it changes, without a restart. The
 * folder is watched, because the file is replaced by a rename that a watch on the file itself
 * would miss. As a fallback for filesystems without change events, `current()` compares the
 * file's inode, size and mtime at most once a second. A file that cannot be read or parsed
 * keeps the last good key set and logs one error per distinct file state. Before the first
 * good load no key is trusted, so every signed request gets InvalidKey.
 */
export function watchKeyFile(options: KeySourceOptions): KeySource {
  const { file, load, logger } = options;
  const clock = options.clock ?? (() => performance.now());
  let keys = NO_KEYS;
  let lastState: string | undefined;
  let lastCheck = clock();

  const reload = (): void => {
    const state = stateOf(file);
    if (state === lastState) return;
    lastState = state;
    try {
      const loaded = load(file);
      keys = loaded.keys;
      logger.info({ file, ...loaded.summary }, "trusted keys loaded");
      options.onLoad?.({ ok: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const fallback = keys === NO_KEYS ? "no key is trusted yet" : "keeping the last good keys";
      logger.error({ file, error: message }, `trusted keys not loaded; ${fallback}`);
      options.onLoad?.({ ok: false });
    }
  };

  reload();
  const watcher = options.watch === false ? undefined : watchFolder(file, reload, logger);

  return {
    current() {
      const now = clock();
      if (now - lastCheck >= FALLBACK_CHECK_MS) {
        lastCheck = now;
        reload();
      }
      return keys;
    },
    close() {
      watcher?.close();
    },
  };
}

/** Identifies one version of the file; a rename changes the inode, an edit the mtime. */
function stateOf(file: string): string {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? "unknown"}`;
  }
}

function watchFolder(file: string, onChange: () => void, logger: Logger): FSWatcher | undefined {
  const folder = path.dirname(file);
  const name = path.basename(file);
  try {
    const watcher = watch(folder, { persistent: false }, (_event, changed) => {
      if (changed === null || changed === name) onChange();
    });
    watcher.on("error", (error) => {
      logger.warn({ folder, error: error.message }, "key folder watch failed; checking mtime");
      watcher.close();
    });
    return watcher;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ folder, error: message }, "cannot watch the key folder; checking mtime");
    return undefined;
  }
}
