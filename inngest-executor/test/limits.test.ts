import { afterAll, beforeAll, expect, it } from "vitest";
import { startExecutor } from "../src/index.js";
import { startFakeStack, type FakeAnswer, type FakeRequest, type FakeStack } from "./fake-app.js";
import { TEST_EXECUTOR_OPTIONS, startStack, waitFor, waitForEndedRuns, type RunRow, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

// Inngest's limits as its Go server has them (src/common/limits.ts), written out so a changed constant fails here.
const STEP_LIMIT = 1_000;
const STEP_OUTPUT_BYTES = 4 * 1024 * 1024;
const EVENT_REQUEST_BYTES = 512 * 1024;

let stack: Stack;
let fake: FakeStack;

/** Hand-written answers: as many steps, as much state, or an op, as a test needs, cheaply. */
function answer(request: FakeRequest): FakeAnswer {
  const memoised = Object.keys(request.body.steps ?? {}).length;
  const stepRuns = (count: number, data: unknown) =>
    Array.from({ length: count }, (_, i) => ({ id: `step-${memoised + i}`, op: "StepRun", data }));
  switch (request.fnId) {
    case "fake-many-steps":
      // 500 steps an answer (as a checkpointing SDK returns its buffered steps): the limit after two answers.
      return memoised < STEP_LIMIT ? { status: 206, body: stepRuns(500, memoised) } : { status: 200, body: "finished" };
    case "fake-wide-plan":
      if (request.stepId !== "step") return { status: 400, body: { name: "Error", message: "no step may run" }, headers: { "x-inngest-no-retry": "true" } };
      return { status: 206, body: Array.from({ length: STEP_LIMIT + 1 }, (_, i) => ({ id: `planned-${i}`, op: "StepPlanned" })) };
    case "fake-big-state":
      // Outputs of 4,000,000 bytes, each under the step limit: 20 MB memoised, then 16 MB more would pass 32 MiB.
      if (memoised >= 9) return { status: 200, body: "finished" };
      return { status: 206, body: stepRuns(memoised === 0 ? 5 : 4, "y".repeat(4_000_000 - 2)) };
    case "fake-unknown-op":
      // An op from an SDK newer than the executor, once; the retry then finishes.
      return request.body.ctx.attempt === 0
        ? { status: 206, body: [{ id: "from-the-future", op: "WaitForTelepathy" }] }
        : { status: 200, body: "finished on the retry" };
    default:
      return { status: 500, body: { name: "Error", message: `unexpected ${request.fnId}` } };
  }
}

beforeAll(async () => {
  stack = await startStack("limits");
  fake = await startFakeStack(answer);
  await fake.register([{ id: "many-steps" }, { id: "wide-plan" }, { id: "big-state" }, { id: "unknown-op", retries: 1 }]);
});

afterAll(async () => {
  await fake?.stop();
  await stack?.stop();
});

async function fakeRun(functionId: string): Promise<RunRow> {
  return waitFor(async () => {
    const { rows } = await fake.pool.query<RunRow>(
      "SELECT id, function_id, status, attempts, output, error FROM inngest_executor.runs WHERE function_id = $1",
      [`fake-${functionId}`],
    );
    return rows[0] && !["queued", "running"].includes(rows[0].status) && rows[0];
  }, 20_000, `the ${functionId} run to end`);
}

const requestsFor = (functionId: string) => fake.requests.filter((request) => request.fnId === `fake-${functionId}`);
const memoisedSteps = async (pool: FakeStack["pool"], runId: string) =>
  Number((await pool.query("SELECT count(*) AS n FROM inngest_executor.run_steps WHERE run_id = $1", [runId])).rows[0]?.n);

describeWithDatabase("Inngest's limits", () => {
  it("fails a run that has 1,000 steps with InngestErrFunctionOverflowed, before calling the app again", async () => {
    await fake.send([{ name: "fake/many-steps", data: {} }]);
    const run = await fakeRun("many-steps");
    expect(run).toMatchObject({ status: "failed", error: { name: "InngestErrFunctionOverflowed", message: `The function run exceeded the step limit of ${STEP_LIMIT} steps.` } });
    expect(requestsFor("many-steps")).toHaveLength(2);
  });

  it("fails a run whose answer plans more than 1,000 steps at once, running none of them", async () => {
    await fake.send([{ name: "fake/wide-plan", data: {} }]);
    const run = await fakeRun("wide-plan");
    expect(run).toMatchObject({ status: "failed", error: { name: "InngestErrFunctionOverflowed" } });
    expect(requestsFor("wide-plan").map((request) => request.stepId)).toEqual(["step"]);
  });

  it("fails a run whose memoised state would pass 32 MiB with InngestErrStateOverflowed, at once", async () => {
    await fake.send([{ name: "fake/big-state", data: {} }]);
    const run = await fakeRun("big-state");
    expect(run).toMatchObject({ status: "failed", error: { name: "InngestErrStateOverflowed", message: "The function run exceeded the state size limit of 33554432 bytes." } });
    expect(requestsFor("big-state")).toHaveLength(2);
    expect(await memoisedSteps(fake.pool, run.id)).toBe(5);
  });

  it("fails the attempt whose step output passes 4 MiB, naming the limit, and keeps one just under it", async () => {
    await stack.send([
      { name: "test/big-output", data: { tag: "over" } },
      { name: "test/large-output", data: { tag: "under" } },
    ]);
    const [over] = await waitForEndedRuns(stack.pool, "big-output", "over");
    expect(over).toMatchObject({ status: "failed", attempts: 1 });
    expect(over?.error?.message).toMatch(new RegExp(`output size is greater than the limit: ${STEP_OUTPUT_BYTES + 1} bytes, at most ${STEP_OUTPUT_BYTES}`));
    expect(await memoisedSteps(stack.pool, over!.id)).toBe(0);
    const [under] = await waitForEndedRuns(stack.pool, "large-output", "under");
    expect(under).toMatchObject({ status: "completed", output: STEP_OUTPUT_BYTES - 2 });
  });

  it("retries the attempt that answers an op it does not know, instead of failing the run", async () => {
    await fake.send([{ name: "fake/unknown-op", data: {} }]);
    const run = await fakeRun("unknown-op");
    expect(run).toMatchObject({ status: "completed", attempts: 2, output: "finished on the retry" });
    expect(requestsFor("unknown-op").map((request) => request.body.ctx.attempt)).toEqual([0, 1]);
  });

  it("answers an event request over 512 KiB with 400, as Inngest's event API does, and takes one of exactly 512 KiB", async () => {
    const post = (url: string, bytes: number) => fetch(`${url}/e/any-key`, { method: "POST", body: eventRequestOf(bytes) });
    expect((await post(fake.executor.url, EVENT_REQUEST_BYTES)).status).toBe(200);
    const over = await post(fake.executor.url, EVENT_REQUEST_BYTES + 1);
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({ status: 400, error: `Event is over the max size: Max ${EVENT_REQUEST_BYTES} bytes / Size ${EVENT_REQUEST_BYTES + 1} bytes` });
    // Inngest Cloud's free plan: 256 KiB.
    const cloud = await startExecutor({ ...TEST_EXECUTOR_OPTIONS, databaseUrl: fake.db.url, dev: true, maxEventBytes: 256 * 1024 });
    try {
      expect((await post(cloud.url, 256 * 1024 + 1)).status).toBe(400);
    } finally {
      await cloud.stop({ graceMs: 0 });
    }
  });

  it("refuses at sync a batch of more than 100 events, and a batched function with cancelOn, naming each", async () => {
    const health = await (await stack.api("/health")).json();
    expect(health.rejectedFunctions).toEqual(["contract-app-cancellable-batch", "contract-app-oversized-batch"]);
    expect(health.syncErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ functionId: "contract-app-oversized-batch", field: "batchEvents.maxSize", message: expect.stringContaining("from 2 to 100") }),
        expect.objectContaining({
          functionId: "contract-app-cancellable-batch",
          field: "cancel",
          message: "contract-app-cancellable-batch: batching and cancellation are mutually exclusive (as on Inngest)",
        }),
      ]),
    );
    // The sync PUT (a deploy) answers the refusal, naming the function.
    const response = await fetch(stack.app.url, { method: "PUT" });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("contract-app-cancellable-batch (cancel: ");
  });
});

/** A one-event request body of exactly `bytes` bytes. */
function eventRequestOf(bytes: number): string {
  const empty = JSON.stringify({ name: "fake/sized", data: { pad: "" } });
  return JSON.stringify({ name: "fake/sized", data: { pad: "p".repeat(bytes - empty.length) } });
}
