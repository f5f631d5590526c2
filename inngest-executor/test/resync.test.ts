import { createServer } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findRuns, startStack, waitFor, waitForEndedRuns, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

type FunctionJson = { id: string; triggers: { event?: string }[] };

let stack: Stack;

beforeAll(async () => {
  stack = await startStack("resync-before");
});

afterAll(async () => {
  await stack?.stop();
});

async function listFunctions(): Promise<FunctionJson[]> {
  return ((await (await stack.api("/v1/functions")).json()) as { functions: FunctionJson[] }).functions;
}

/**
 * Stands in on the app's port while it is down, answering 503 as a load balancer with no backend would, until
 * the executor's periodic in-band sync has met it: so the executor really saw the app gone before it came back.
 */
async function standInUntilSyncFails(url: string): Promise<void> {
  let syncs = 0;
  const server = createServer((req, res) => {
    if (req.method === "PUT" && req.headers["x-inngest-sync-kind"] === "in_band") syncs++;
    res.writeHead(503).end("restarting");
  });
  await new Promise<void>((resolve) => server.listen(Number(new URL(url).port), "127.0.0.1", resolve));
  try {
    await waitFor(async () => syncs > 0, 20_000, "a sync to reach the downed app");
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describeWithDatabase("re-sync after the app restarts", () => {
  it("picks up a function added, one removed and one changed, and a run in flight of a kept function goes on", async () => {
    const { recorder } = stack.app;
    await stack.send({ name: "test/resync-removed", data: { tag: "before" } });
    expect((await waitForEndedRuns(stack.pool, "resync-removed", "before"))[0]?.status).toBe("completed");
    await stack.send({ name: "test/resync-kept", data: { tag: "k1" } });
    await waitFor(async () => {
      const { rows } = await stack.pool.query("SELECT 1 FROM inngest_executor.pauses WHERE kind = 'wait'");
      return rows.length === 1;
    }, 15_000, "the kept function's run to wait");

    await stack.app.restart("resync-after", () => standInUntilSyncFails(stack.app.url));

    const functions = await waitFor(async () => {
      const listed = await listFunctions();
      return listed.some((fn) => fn.id === "contract-app-resync-added") && listed;
    }, 20_000, "the restarted app's functions to be synced");
    expect(functions.map((fn) => fn.id)).toEqual(["contract-app-resync-added", "contract-app-resync-changed", "contract-app-resync-kept"]);
    expect(functions.find((fn) => fn.id === "contract-app-resync-changed")?.triggers).toEqual([
      expect.objectContaining({ event: "test/resync-changed-new" }),
    ]);

    // Runs start in the event intake's transaction: once send() has answered, a run not there will never start.
    await stack.send([
      { name: "test/resync-removed", data: { tag: "after" } },
      { name: "test/resync-changed-old", data: { tag: "after" } },
    ]);
    expect(await findRuns(stack.pool, "resync-removed", "after")).toEqual([]);
    expect(await findRuns(stack.pool, "resync-changed")).toEqual([]);
    expect(recorder.count("resync-removed:after")).toBe(0);

    await stack.send([
      { name: "test/resync-added", data: { tag: "after" } },
      { name: "test/resync-changed-new", data: { tag: "after" } },
      { name: "test/resync-go", data: { tag: "k1" } },
    ]);
    const [added] = await waitForEndedRuns(stack.pool, "resync-added", "after");
    expect(added).toMatchObject({ status: "completed", output: "added" });
    expect(recorder.count("resync-added:after")).toBe(1);
    const [changed] = await waitForEndedRuns(stack.pool, "resync-changed", "after");
    expect(changed).toMatchObject({ status: "completed", output: "new" });
    const [kept] = await waitForEndedRuns(stack.pool, "resync-kept", "k1");
    expect(kept).toMatchObject({ status: "completed", output: { went: true } });
    expect(recorder.count("resync-kept:k1:before")).toBe(1);
    expect(recorder.count("resync-kept:k1:after")).toBe(1);
  }, 60_000);
});
