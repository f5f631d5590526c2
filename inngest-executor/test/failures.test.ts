import { afterAll, beforeAll, expect, it } from "vitest";
import { startStack, waitFor, waitForEndedRuns, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack("failures");
});

afterAll(async () => {
  await stack?.stop();
});

const count = (key: string) => stack.app.recorder.count(key);
const onFailure = (key: string) => waitFor(async () => stack.app.recorder.values.get(key), 10_000, `onFailure ${key}`);

describeWithDatabase("failing runs", () => {
  it("fails the step with StepFailed once its retries are spent, then runs onFailure", async () => {
    await stack.send({ name: "test/exhausts-retries", data: { tag: "x1" } });
    const [run] = await waitForEndedRuns(stack.pool, "exhausts-retries", "x1");
    expect(run?.status).toBe("failed");
    expect(run?.attempts).toBe(3);
    expect(count("exhausted:x1")).toBe(3);
    expect(run?.error?.message).toContain("attempt 3 failed");
    // The last attempt's error is memoised as the step's result (StepFailed), then thrown into the function.
    const { rows } = await stack.pool.query<{ result: { error?: { message?: string } } }>(
      "SELECT result FROM inngest_executor.run_steps WHERE run_id = $1",
      [run?.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.result.error?.message).toContain("attempt 3 failed");
    expect(await onFailure("exhausted:x1")).toContain("attempt 3 failed");
  });

  it("fails at once on a NonRetriableError thrown outside any step", async () => {
    await stack.send({ name: "test/fails-outside-step", data: { tag: "o1" } });
    const [run] = await waitForEndedRuns(stack.pool, "fails-outside-step", "o1");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toContain("gave up outside any step");
    expect(run?.attempts).toBe(1);
    expect(count("outside:o1:fine")).toBe(1);
    expect(await onFailure("outside:o1")).toContain("gave up outside any step");
  });

  it("fails the run with the reason when the executor cannot store a step's output, instead of re-running it forever", async () => {
    await stack.send({ name: "test/unstorable-output", data: { tag: "u1" } });
    const [run] = await waitForEndedRuns(stack.pool, "unstorable-output", "u1");
    expect(run?.status).toBe("failed");
    expect(run?.attempts).toBe(2);
    expect(run?.error?.message).toMatch(/could not apply the app's answer .* in 2 attempts: .*unicode/i);
    expect(count("unstorable:u1")).toBe(2);
  });
});
