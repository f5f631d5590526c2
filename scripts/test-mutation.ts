// npm run test:mutation [-- <stryker options, e.g. --mutate db/queries/call-access.ts>]
// Runs Stryker (stryker.config.mjs, incremental: a re-run tests only mutants whose code or tests changed), then prints
// one JSON line last: the mutation score and the counts behind it, read from Stryker's JSON report.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reportFile = path.join(root, "reports", "mutation", "mutation.json");

type Mutant = { status: string; mutatorName: string; location: { start: { line: number } } };
type Report = { files: Record<string, { mutants: Mutant[] }> };

rmSync(reportFile, { force: true });
const started = Date.now();
const stryker = spawnSync(path.join(root, "node_modules", ".bin", "stryker"), ["run", "stryker.config.mjs", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});

if (!existsSync(reportFile)) {
  console.log(JSON.stringify({ error: "Stryker wrote no report", exitCode: stryker.status }));
  process.exit(1);
}

const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
const count: Record<string, number> = {};
const survivors: string[] = [];
const byFile: Record<string, number> = {};
for (const [file, { mutants }] of Object.entries(report.files)) {
  const fileCount: Record<string, number> = {};
  for (const mutant of mutants) {
    count[mutant.status] = (count[mutant.status] ?? 0) + 1;
    fileCount[mutant.status] = (fileCount[mutant.status] ?? 0) + 1;
    if (mutant.status === "Survived" || mutant.status === "NoCoverage") survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName} (${mutant.status})`);
  }
  byFile[file] = scoreOf(fileCount);
}
const of = (status: string) => count[status] ?? 0;
const mutationScore = scoreOf(count);

/** Stryker's own definition: detected / (detected + undetected); compile errors and ignored mutants do not count. */
function scoreOf(counts: Record<string, number>): number {
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return detected + undetected === 0 ? 100 : Math.round((10_000 * detected) / (detected + undetected)) / 100;
}

if (survivors.length > 0) console.log(`\nUndetected mutants:\n  ${survivors.join("\n  ")}`);
console.log(
  JSON.stringify({
    mutationScore,
    survived: of("Survived"),
    noCoverage: of("NoCoverage"),
    killed: of("Killed"),
    timeout: of("Timeout"),
    compileErrors: of("CompileError"),
    ignored: of("Ignored"),
    files: Object.keys(report.files).length,
    // Per file, from this run or (incremental) an earlier one: a file listed is not necessarily one just mutated.
    byFile,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  }),
);
process.exit(stryker.status ?? 1);
