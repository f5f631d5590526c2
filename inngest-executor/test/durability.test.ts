import { afterEach, expect, it } from "vitest";
import { spawnExecutor, type ChildExecutor } from "./child-executor.js";
import { findRuns, startStack, waitFor, waitForEndedRuns, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

let stack: Stack | undefined;
const children: ChildExecutor[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill("SIGTERM")));
  await stack?.stop();
  stack = undefined;
});

function childEnv(current: Stack, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: current.db.url,
    INNGEST_EXECUTOR_APP_URL: current.app.url,
    INNGEST_SIGNING_KEY: current.signingKey,
    INNGEST_EVENT_KEY: current.eventKey,
    INNGEST_EXECUTOR_BACKOFF_SCALE: "0.001",
    INNGEST_EXECUTOR_POLL_MS: "20",
    INNGEST_EXECUTOR_LEASE_MS: "2000",
    INNGEST_EXECUTOR_SYNC_INTERVAL_MS: "300",
    ...extra,
  };
}

async function spawnTracked(env: Record<string, string>): Promise<ChildExecutor> {
  const child = await spawnExecutor(env);
  children.push(child);
  return child;
}

// Each test starts a database and up to two executor processes, so each gets more than the default 30 s.
const SLOW = 90_000;


describeWithDatabase("durability", () => {
  it("resumes a run after the executor process is SIGKILLed mid-run; no finished step runs again", async () => {
    stack = await startStack("crash");
    await stack.executor.stop();
    const first = await spawnTracked(childEnv(stack));
    stack.app.target.url = first.url;
    await stack.send({ name: "test/crashy", data: { tag: "k1" } });
    const { recorder } = stack.app;
    // Killed while the run sleeps: step "one" is memoised, so it must never run again.
    await waitFor(async () => {
      const { rows } = await stack!.pool.query("SELECT 1 FROM inngest_executor.queue WHERE kind = 'wake'");
      return rows.length === 1;
    }, 15_000, "the run to sleep");
    await first.kill("SIGKILL");

    const second = await spawnTracked(childEnv(stack));
    stack.app.target.url = second.url;
    const [run] = await waitForEndedRuns(stack.pool, "crashy", "k1");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe("survived");
    for (const step of ["one", "two", "three"]) expect(recorder.count(`crashy:k1:${step}`)).toBe(1);
  }, SLOW);

  it("takes over a step whose executor died mid-request once its lease expires", async () => {
    stack = await startStack("crash");
    await stack.executor.stop();
    const first = await spawnTracked(childEnv(stack));
    stack.app.target.url = first.url;
    await stack.send({ name: "test/slow-step", data: { tag: "lease" } });
    const { recorder } = stack.app;
    await waitFor(async () => recorder.count("slow:lease:slow") === 1, 15_000, "slow step started");
    await first.kill("SIGKILL");
    const memoised = await stack.pool.query("SELECT count(*)::int AS n FROM inngest_executor.run_steps");

    const second = await spawnTracked(childEnv(stack));
    stack.app.target.url = second.url;
    const [run] = await waitForEndedRuns(stack.pool, "slow-step", "lease");
    expect(run?.status).toBe("completed");
    // "before" was checkpointed before "slow" began, so it never runs again. The app keeps working on the
    // cut-off request, so "slow" (and "after") may run twice: at-least-once, as on Inngest.
    expect(memoised.rows[0]?.n).toBeGreaterThanOrEqual(1);
    expect(recorder.count("slow:lease:before")).toBe(1);
    expect(recorder.count("slow:lease:slow")).toBeGreaterThanOrEqual(1);
    expect(recorder.count("slow:lease:after")).toBeGreaterThanOrEqual(1);
  }, SLOW);

  it("shares one database between two executor processes, each step once", async () => {
    stack = await startStack("crash");
    const child = await spawnTracked(childEnv(stack));
    stack.app.target.url = child.url;
    const tags = Array.from({ length: 12 }, (_, i) => `two-${i}`);
    await stack.send(tags.map((tag) => ({ name: "test/multi", data: { tag } })));
    await stack.send(tags.slice(0, 4).map((tag) => ({ name: "test/parallel", data: { tag } })));
    const runs = await waitForEndedRuns(stack.pool, "multi-step", undefined, tags.length);
    expect(runs.every((run) => run.status === "completed")).toBe(true);
    await waitForEndedRuns(stack.pool, "parallel", undefined, 4);
    const { recorder } = stack.app;
    for (const tag of tags) for (const step of ["a", "b", "c"]) expect(recorder.count(`multi:${tag}:${step}`)).toBe(1);
    for (const tag of tags.slice(0, 4)) {
      for (const part of ["x", "y", "z", "join"]) expect(recorder.count(`parallel:${tag}:${part}`)).toBe(1);
    }
    await child.kill("SIGTERM");
    expect(child.process.exitCode).toBe(0);
  }, SLOW);

  it("fires each cron slot once with two executors running", async () => {
    stack = await startStack("cron");
    await stack.startExecutor({ port: 0 });
    const { recorder } = stack.app;
    await waitFor(async () => recorder.counts.size >= 3, 15_000, "three cron slots");
    const runs = await findRuns(stack.pool, "cron-tick");
    const slots = await stack.pool.query<{ ts: string; n: number }>(
      `SELECT event->>'ts' AS ts, count(*)::int AS n FROM inngest_executor.runs
       WHERE function_id = 'contract-app-cron-tick' GROUP BY 1`,
    );
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(slots.rows.every((slot) => slot.n === 1)).toBe(true);
    for (const [, times] of recorder.counts) expect(times).toBe(1);
  }, SLOW);

  it("fails the run when the executor signs with the wrong key (the app answers 401)", async () => {
    stack = await startStack("crash");
    await stack.executor.stop();
    const wrongKey = `signkey-test-${"0f".repeat(32)}`;
    const impostor = await stack.startExecutor({ appUrls: [], signingKey: wrongKey });
    stack.app.target.url = impostor.url;
    await stack.send({ name: "test/multi", data: { tag: "wrong-key" } });
    const [run] = await waitForEndedRuns(stack.pool, "multi-step", "wrong-key");
    expect(run?.status).toBe("failed");
    // No `retries` set: Inngest's default of 4 retries.
    expect(run?.attempts).toBe(5);
    expect(JSON.stringify(run?.error)).toMatch(/401|unauthori[sz]ed|signature/i);
    expect(stack.app.recorder.count("multi:wrong-key:a")).toBe(0);
  }, SLOW);
});
