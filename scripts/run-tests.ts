/**
 * Runs every test stage in order: type check and formatting, unit and integration tests
 * (vitest), end-to-end tests (Playwright). Later stages run even when an earlier one
 * fails, so one run shows every failure. Exits non-zero when any stage failed.
 *
 * Each stage leaves a JSON report in test-results/, which `.ci/run` sums into one line.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const RESULTS_DIR = "test-results";

interface Stage {
  name: string;
  command: string;
  args: string[];
}

const STATIC_CHECKS: Stage[] = [
  { name: "typescript", command: "npx", args: ["tsc", "--noEmit"] },
  { name: "prettier", command: "npx", args: ["prettier", "--check", "."] },
];

const RUNNERS: Stage[] = [
  { name: "vitest", command: "npx", args: ["vitest", "run"] },
  { name: "playwright", command: "npx", args: ["playwright", "test"] },
];

function run(stage: Stage): boolean {
  process.stdout.write(`\n=== ${stage.name}: ${[stage.command, ...stage.args].join(" ")}\n`);
  const result = spawnSync(stage.command, stage.args, { stdio: "inherit" });
  return result.status === 0;
}

mkdirSync(RESULTS_DIR, { recursive: true });
const only = process.argv.slice(2);
const selected = (stages: Stage[]) =>
  only.length === 0 ? stages : stages.filter((stage) => only.includes(stage.name));

const staticResults = selected(STATIC_CHECKS).map((stage) => ({
  name: stage.name,
  ok: run(stage),
}));
writeFileSync(
  path.join(RESULTS_DIR, "static.json"),
  JSON.stringify({
    passed: staticResults.filter((result) => result.ok).length,
    failed: staticResults.filter((result) => !result.ok).length,
    checks: staticResults,
  }),
);
const runnerResults = selected(RUNNERS).map((stage) => ({ name: stage.name, ok: run(stage) }));

const failed = [...staticResults, ...runnerResults].filter((result) => !result.ok);
process.stdout.write(
  failed.length === 0
    ? "\nAll test stages passed.\n"
    : `\nFailed stages: ${failed.map((result) => result.name).join(", ")}\n`,
);
process.exit(failed.length === 0 ? 0 : 1);
