import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

/** A long-running child of the launcher, e.g. the edge or the Next.js server. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * Starts `command` so that its pid is the server itself (no npx or shell in between),
 * prefixing each output line with the child's name.
 */
export function startChild(
  name: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Child {
  // A process group of its own keeps Ctrl-C in the terminal from reaching the child
  // directly, so the launcher decides the order in which the stack stops.
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  process.once("exit", () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
    child.once("error", (error) => {
      process.stderr.write(`[${name}] failed to start: ${error.message}\n`);
      resolve(1);
    });
  });
  return { name, process: child, exited };
}

/** Sends SIGTERM, then SIGKILL after `graceMs`, and waits until the child has ended. */
export async function stopChild(child: Child, graceMs = 5_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Runs a command to completion with inherited output; rejects when it exits non-zero. */
export function runToCompletion(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${[command, ...args].join(" ")} exited with ${code ?? signal}`)),
    );
  });
}
