import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "../test-support/chromium";
import { isBuildStale } from "./build-state";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, ".data", "test-results");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "1" } });
  return result.status === 0;
}

function check(title: string, command: string, args: string[]) {
  const ok = run(title, command, args);
  total[ok ? "passed" : "failed"] += 1;
  console.log(`${title}: ${ok ? "ok" : "FAILED"}`);
}

function readJson(file: string): Record<string, unknown> | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : undefined;
}

function add(title: string, tally: Tally) {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  console.log(`${title}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

check("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
check("lint", bin("eslint"), ["--max-warnings=0", "."]);

// Built before the tests: the chaos run (bench/chaos.test.ts) and the end-to-end tests drive the built app.
if (isBuildStale(root)) check("build", bin("next"), ["build"]);

const vitestFile = path.join(resultsDir, "vitest.json");
const vitestOk = run("unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestFile}`,
]);
const vitest = readJson(vitestFile);
type VitestFile = { status: string; assertionResults: { status: string }[] };
// A failed test also fails its describe blocks and file; only a file that failed on its own (it did not load,
// a hook threw) adds a failure of its own.
const brokenFiles = ((vitest?.testResults ?? []) as VitestFile[]).filter(
  (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
).length;
const vitestFailures = vitest ? Number(vitest.numFailedTests) + brokenFiles : 0;
add("vitest", {
  passed: Number(vitest?.numPassedTests ?? 0),
  // A run that exits non-zero without counting a failure (a crash, an unhandled error) still counts as one.
  failed: vitestFailures || (vitestOk ? 0 : 1),
  skipped: Number(vitest?.numPendingTests ?? 0) + Number(vitest?.numTodoTests ?? 0),
});

const chromium = findChromium();
if (!chromium.found) console.log(`\n━━ end-to-end tests (Playwright, Chromium) ━━\n${chromium.problem}`);
const playwrightOk = chromium.found && run("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"]);
const stats = readJson(path.join(resultsDir, "playwright.json"))?.stats as Record<string, number> | undefined;
const playwrightFailures = stats?.unexpected ?? 0;
add("playwright", {
  passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
  failed: playwrightFailures || (playwrightOk ? 0 : 1),
  skipped: stats?.skipped ?? 0,
});

console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
