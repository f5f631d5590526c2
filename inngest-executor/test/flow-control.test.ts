import { afterAll, beforeAll, expect, it } from "vitest";
import { findRuns, startStack, waitFor, waitForEndedRuns, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack("flow-control");
});

afterAll(async () => {
  await stack?.stop();
});

const count = (key: string) => stack.app.recorder.count(key);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithDatabase("cancelOn", () => {
  it("never cancels a run on the event that triggered it", async () => {
    await stack.send({ name: "test/superseded", data: { tag: "own", n: 1 } });
    const [run] = await waitForEndedRuns(stack.pool, "superseded", "own");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe("finished 1");
  });

  it("lets an event stamped after a run started cancel it, never the other way round, and none of one request another", async () => {
    await stack.send({ name: "test/superseded", data: { tag: "later", n: 1 } });
    await waitFor(async () => count("superseded:later:1:start") === 1, 10_000, "first run started");
    await stack.send({ name: "test/superseded", data: { tag: "later", n: 2 } });
    // Sent together, the two events carry the same time, older than either run: as on Inngest, neither cancels.
    await stack.send([
      { name: "test/superseded", data: { tag: "together", n: 1 } },
      { name: "test/superseded", data: { tag: "together", n: 2 } },
    ]);
    const outcomes = async (tag: string) => {
      await waitForEndedRuns(stack.pool, "superseded", tag, 2);
      // Runs created in one millisecond have no defined id order, so they are told apart by the event's n.
      const { rows } = await stack.pool.query(
        `SELECT event->'data'->>'n' AS n, status, output FROM inngest_executor.runs
         WHERE function_id = 'contract-app-superseded' AND event->'data'->>'tag' = $1 ORDER BY 1`,
        [tag],
      );
      return rows;
    };
    expect(await outcomes("later")).toEqual([
      { n: "1", status: "cancelled", output: null },
      { n: "2", status: "completed", output: "finished 2" },
    ]);
    expect(count("superseded:later:1:finish")).toBe(0);
    expect(await outcomes("together")).toEqual([
      { n: "1", status: "completed", output: "finished 1" },
      { n: "2", status: "completed", output: "finished 2" },
    ]);
  });

  it("compares the cancelling event's timestamp with the run's start, not when it arrived", async () => {
    const sentAt = Date.now();
    await stack.send({ name: "test/superseded", data: { tag: "backdated", n: 1 } });
    await waitFor(async () => count("superseded:backdated:1:start") === 1, 10_000, "the run started");
    // Arrives while the run sleeps, but is stamped a minute before it began (a replayed or delayed event).
    await stack.send({ name: "test/superseded", data: { tag: "backdated", n: 2 }, ts: sentAt - 60_000 });
    await waitForEndedRuns(stack.pool, "superseded", "backdated", 2);
    expect(count("superseded:backdated:1:finish")).toBe(1);
  });

  it("stops listening once the cancelOn timeout has passed", async () => {
    const sentAt = Date.now();
    await stack.send({ name: "test/cancel-window", data: { tag: "late" } });
    await waitFor(async () => count("cancel-window:late:start") === 1, 10_000, "run started");
    await pause(Math.max(0, sentAt + 1_300 - Date.now()));
    await stack.send({ name: "test/cancel-window.stop", data: { tag: "late" } });
    const [run] = await waitForEndedRuns(stack.pool, "cancel-window", "late");
    expect(run?.status).toBe("completed");
    expect(count("cancel-window:late:finish")).toBe(1);
  });
});

describeWithDatabase("step.invoke", () => {
  it("gives up on the child after the invoke timeout and lets the parent handle it", async () => {
    const sentAt = Date.now();
    await stack.send({ name: "test/impatient-parent", data: { tag: "slow" } });
    const [parent] = await waitForEndedRuns(stack.pool, "impatient-parent", "slow");
    expect(Date.now() - sentAt).toBeLessThan(2_900);
    expect(parent?.status).toBe("completed");
    expect(parent?.output).toMatchObject({ timedOut: true, message: expect.stringMatching(/timed out/i) });
    // The child is not cancelled; when it finishes, the parent's memoised timeout is kept (first write wins).
    const [child] = await waitForEndedRuns(stack.pool, "slow-child", undefined);
    expect(child?.status).toBe("completed");
    expect((await findRuns(stack.pool, "impatient-parent", "slow"))[0]?.output).toEqual(parent?.output);
  });
});

describeWithDatabase("throttle", () => {
  it("throttles per key and lets `burst` runs start at once", async () => {
    const sentAt = Date.now();
    await stack.send(["a", "b"].flatMap((group) => [1, 2, 3].map(() => ({ name: "test/burst-throttled", data: { tag: "k1", group } }))));
    const runs = await waitForEndedRuns(stack.pool, "burst-throttled", "k1", 6);
    expect(runs.every((run) => run.status === "completed")).toBe(true);
    for (const group of ["a", "b"]) {
      const starts = (stack.app.recorder.times.get(`burst:k1:${group}`) ?? []).map((at) => at - sentAt).sort((x, y) => x - y);
      expect(starts).toHaveLength(3);
      // limit 1 per 2 s with burst 2: two start at once (in each group), the third waits for the next slot.
      expect(starts[1]).toBeLessThan(1_500);
      expect(starts[2]).toBeGreaterThanOrEqual(1_900);
    }
  });
});

describeWithDatabase("batchEvents", () => {
  const outputs = async (tag: string, count: number) =>
    (await waitForEndedRuns(stack.pool, "batched", tag, count)).map((run) => ({ status: run.status, output: run.output }));

  it("starts one run per key as soon as the batch is full, with every event in `events`", async () => {
    const sentAt = Date.now();
    await stack.send([1, 2, 3].map((n) => ({ name: "test/batched", data: { tag: "full", group: "a", n } })));
    await stack.send([4, 5].map((n) => ({ name: "test/batched", data: { tag: "full", group: "b", n } })));
    await stack.send({ name: "test/batched", data: { tag: "full", group: "b", n: 6 } });
    expect(await outputs("full", 2)).toEqual(
      expect.arrayContaining([{ status: "completed", output: [1, 2, 3] }, { status: "completed", output: [4, 5, 6] }]),
    );
    // Full batches do not wait for the timeout.
    const started = [...(stack.app.recorder.times.get("batched:full:a:1,2,3") ?? []), ...(stack.app.recorder.times.get("batched:full:b:4,5,6") ?? [])];
    expect(started).toHaveLength(2);
    expect(Math.max(...started) - sentAt).toBeLessThan(900);
  });

  it("runs a batch that never fills once its timeout has passed, and an event left out by `if` at once", async () => {
    const sentAt = Date.now();
    await stack.send([7, 8].map((n) => ({ name: "test/batched", data: { tag: "partial", group: "a", n } })));
    await stack.send({ name: "test/batched", data: { tag: "partial", group: "solo", n: 9 } });
    const runs = await outputs("partial", 2);
    expect(runs).toEqual(expect.arrayContaining([{ status: "completed", output: [7, 8] }, { status: "completed", output: [9] }]));
    const [partialAt] = stack.app.recorder.times.get("batched:partial:a:7,8") ?? [];
    const [soloAt] = stack.app.recorder.times.get("batched:partial:solo:9") ?? [];
    expect(partialAt! - sentAt).toBeGreaterThanOrEqual(950);
    expect(soloAt! - sentAt).toBeLessThan(900);
    const { rows } = await stack.pool.query("SELECT count(*)::int AS n FROM inngest_executor.batches WHERE function_id = 'contract-app-batched'");
    expect(rows[0]?.n).toBe(0);
    const left = await stack.pool.query("SELECT count(*)::int AS n FROM inngest_executor.batch_events");
    expect(left.rows[0]?.n).toBe(0);
  });

  it("splits one request's events for a key into full batches and leaves the rest for the timeout", async () => {
    await stack.send([1, 2, 3, 4, 5, 6, 7].map((n) => ({ name: "test/batched", data: { tag: "split", group: "a", n } })));
    expect(await outputs("split", 3)).toEqual(
      expect.arrayContaining([
        { status: "completed", output: [1, 2, 3] },
        { status: "completed", output: [4, 5, 6] },
        { status: "completed", output: [7] },
      ]),
    );
  });

  it("batches an event id only once: a repeated id, in the same request or a later one, joins no batch", async () => {
    const event = { name: "test/batched", id: "batched-once", data: { tag: "dedupe", group: "a", n: 1 } };
    const [first, again] = await stack.send([event, event]);
    expect(again).toBe(first);
    expect(await stack.send(event)).toEqual([first]);
    expect(await outputs("dedupe", 1)).toEqual([{ status: "completed", output: [1] }]);
  });
});

describeWithDatabase("intake first", () => {
  it("starts new runs at most once a second while events pour in, and all of them once the burst ends", async () => {
    // Ten requests in flight at all times, as a burst of webhooks sends them: however slow a loaded machine makes
    // each request, they arrive together, so the burst counts as one.
    let sent = 0;
    const burstEnds = Date.now() + 2_000;
    const sender = async () => {
      while (Date.now() < burstEnds || sent < 50) {
        sent += 1;
        await stack.send({ name: "test/counted", data: { tag: "burst" } });
      }
    };
    await Promise.all(Array.from({ length: 10 }, sender));
    // Runs start before the burst counts as one (10 requests within 250 ms), then one a second.
    expect(sent).toBeGreaterThan(40);
    expect(count("counted:burst")).toBeLessThan(sent / 2);
    await waitFor(async () => count("counted:burst") === sent, 20_000, "every run of the burst");
  });
});
