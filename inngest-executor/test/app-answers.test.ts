import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeStack, type FakeAnswer, type FakeRequest, type FakeStack } from "./fake-app.js";
import { waitFor, type RunRow } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

let stack: FakeStack;
const held = new Map<string, { request: FakeRequest; release: () => void }>();

async function answer(request: FakeRequest): Promise<FakeAnswer> {
  switch (request.fnId) {
    case "fake-bad-ops":
      return { status: 206, body: [{ op: 5 }] };
    case "fake-bad-sleep":
      return { status: 206, body: [{ id: "nap", op: "Sleep", name: "whenever it suits" }] };
    case "fake-stale": {
      // Another executor takes the lease over while this request is still in flight.
      const [itemId] = request.body.ctx.qi_id.split("/");
      await stack.pool.query(
        "UPDATE inngest_executor.queue SET lease_owner = 'another-executor', locked_until = now() + interval '1 hour' WHERE id = $1",
        [itemId],
      );
      return { status: 500, body: { name: "Error", message: "answered too late" } };
    }
    default: {
      const tag = String(request.body.event.data.tag);
      await new Promise<void>((release) => held.set(tag, { request, release }));
      return { status: 200, body: "done" };
    }
  }
}

beforeAll(async () => {
  stack = await startFakeStack(answer);
  await stack.register([{ id: "bad-ops", retries: 1 }, { id: "bad-sleep", retries: 2 }, { id: "stale" }, { id: "held" }]);
});

afterAll(async () => {
  for (const { release } of held.values()) release();
  await stack?.stop();
});

async function findRuns(functionId: string): Promise<RunRow[]> {
  const { rows } = await stack.pool.query<RunRow>(
    "SELECT id, function_id, status, attempts, output, error FROM inngest_executor.runs WHERE function_id = $1 ORDER BY id",
    [`fake-${functionId}`],
  );
  return rows;
}

const waitForEnded = (functionId: string) =>
  waitFor(async () => (await findRuns(functionId)).find((run) => !["queued", "running"].includes(run.status)), 15_000, `${functionId} to end`);

const requestsFor = (functionId: string) => stack.requests.filter((request) => request.fnId === `fake-${functionId}`);

describeWithDatabase("answers the executor cannot apply", () => {
  it("counts them as attempts and fails the run once the retries are spent (an unreadable op list)", async () => {
    await stack.send([{ name: "fake/bad-ops", data: {} }]);
    const run = await waitForEnded("bad-ops");
    expect(run.status).toBe("failed");
    expect(run.attempts).toBe(2);
    expect(run.error).toMatchObject({ name: "ExecutorError", message: expect.stringContaining("not a list of ops: 0.id") });
    expect(requestsFor("bad-ops").map((request) => request.body.ctx.attempt)).toEqual([0, 1]);
    const { rows } = await stack.pool.query("SELECT 1 FROM inngest_executor.queue q JOIN inngest_executor.runs r ON r.id = q.run_id WHERE r.function_id = 'fake-bad-ops'");
    expect(rows).toHaveLength(0);
  });

  it("does the same for a sleep whose duration it cannot read", async () => {
    await stack.send([{ name: "fake/bad-sleep", data: {} }]);
    const run = await waitForEnded("bad-sleep");
    expect(run.status).toBe("failed");
    expect(run.attempts).toBe(3);
    expect(run.error?.message).toContain("unreadable duration or date");
    expect(requestsFor("bad-sleep")).toHaveLength(3);
  });
});

describeWithDatabase("stale answers", () => {
  it("leaves attempts and the queue item alone when the lease was taken over meanwhile", async () => {
    await stack.send([{ name: "fake/stale", data: {} }]);
    await waitFor(async () => requestsFor("stale").length === 1, 10_000, "the stale request");
    const [run] = await findRuns("stale");
    // The answer lands within a poll or two; it must change nothing the new owner relies on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await stack.pool.query<{ attempts: number; lease_owner: string; attempt: number }>(
      `SELECT r.attempts, q.lease_owner, q.attempt FROM inngest_executor.runs r JOIN inngest_executor.queue q ON q.run_id = r.id
       WHERE r.id = $1`,
      [run?.id],
    );
    expect(after.rows).toEqual([{ attempts: 0, lease_owner: "another-executor", attempt: 0 }]);
  });
});

describeWithDatabase("checkpoints", () => {
  const checkpoint = (runId: string, qiId: string, steps: unknown[]) =>
    fetch(`${stack.executor.url}/v1/checkpoint/${runId}/async`, { method: "POST", body: JSON.stringify({ run_id: runId, qi_id: qiId, steps }) });
  const memoised = async (runId: string) =>
    (await stack.pool.query("SELECT step_id FROM inngest_executor.run_steps WHERE run_id = $1", [runId])).rows.map((row) => row.step_id);

  it("accepts steps only from the request that holds the lease of that run, and refuses ops it would drop", async () => {
    await stack.send([
      { name: "fake/held", data: { tag: "mine" } },
      { name: "fake/held", data: { tag: "theirs" } },
    ]);
    const [mine, theirs] = await waitFor(async () => held.size === 2 && [held.get("mine")!.request, held.get("theirs")!.request], 10_000, "both requests");
    const mineQi = mine!.body.ctx.qi_id;
    const step = { op: "StepRun", id: "checkpointed", data: 1 };

    // A lease of one run cannot write into another.
    expect((await checkpoint(theirs!.body.ctx.run_id, mineQi, [step])).status).toBe(409);
    expect(await memoised(theirs!.body.ctx.run_id)).toEqual([]);

    const refused = await checkpoint(mine!.body.ctx.run_id, mineQi, [step, { op: "Sleep", id: "nap", name: "1s" }]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toContain("Sleep (step nap)");
    expect(await memoised(mine!.body.ctx.run_id)).toEqual([]);

    expect((await checkpoint(mine!.body.ctx.run_id, mineQi, [step])).status).toBe(200);
    expect(await memoised(mine!.body.ctx.run_id)).toEqual(["checkpointed"]);
    for (const { release } of held.values()) release();
  });
});
