import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBuildStale } from "../scripts/build-state";
import { runChaos } from "./chaos/run-chaos";

const root = path.resolve(import.meta.dirname, "..");
// The run drives the built app (`next build`), as `npm run demo` does; `npm test` builds before this file runs.
const stale = isBuildStale(root);

describe.skipIf(stale)("chaos: the whole stack under faults, duplicates and SIGKILLs (seeded, short)", () => {
  it("stores every call Gong has exactly once with its transcript, keeps deleted calls deleted and finishes every sync", async () => {
    // The run's database server is the test run's (DATABASE_URL or the suite's embedded one): it is not restarted.
    // Every retry still happens, a tenth as far apart as deployed, so the run recovers within the test's budget.
    const result = await runChaos({ seed: 19, calls: 100, minutes: 0, rateLimit: 10, killsPerKind: 1, webhooksPerSecond: 0.5, retryBackoffScale: 0.1 }, { database: "postgres", pid: null, restart: null, stop: async () => undefined });
    expect(result).not.toHaveProperty("skipped");
    const figures = result as Record<string, unknown>;
    expect({
      lost: figures.lost,
      duplicated: figures.duplicated,
      missingTranscripts: figures.missingTranscripts,
      deletedResurrected: figures.deletedResurrected,
      webhookAcceptedNotStored: figures.webhookAcceptedNotStored,
      stuckRuns: figures.stuckRuns,
    }).toEqual({ lost: 0, duplicated: 0, missingTranscripts: 0, deletedResurrected: 0, webhookAcceptedNotStored: 0, stuckRuns: 0 });
    expect(figures.killsByTarget).toEqual({ executor: 1, worker: 1, app: 1, database: 0 });
    expect(figures.faultsInjected).toBeGreaterThan(0);
  }, 240_000);
});
