import { afterAll, beforeAll, expect, it } from "vitest";
import { callApi, findRuns, putWithHost, startStack, waitFor, waitForEndedRuns, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack("contract");
});

afterAll(async () => {
  await stack?.stop();
});

const count = (key: string) => stack.app.recorder.count(key);

describeWithDatabase("inngest executor contract", () => {
  it("runs a multi-step function, each step once, and reports it on /v1/runs and /", async () => {
    await stack.send({ name: "test/multi", data: { tag: "m1" } });
    const [run] = await waitForEndedRuns(stack.pool, "multi-step", "m1");
    expect(run?.status).toBe("completed");
    expect(run?.output).toEqual({ sum: 6 });
    for (const step of ["a", "b", "c"]) expect(count(`multi:m1:${step}`)).toBe(1);

    const list = await (await stack.api(`/v1/runs?function_id=contract-app-multi-step&status=completed`)).json();
    expect(list.data.some((entry: { id: string }) => entry.id === run?.id)).toBe(true);
    const detail = await (await stack.api(`/v1/runs/${run?.id}`)).json();
    expect(detail.data.steps).toHaveLength(3);
    expect((await stack.api("/")).headers.get("content-type")).toContain("text/html");
  });

  it("runs parallel steps exactly once each", async () => {
    await stack.send({ name: "test/parallel", data: { tag: "p1" } });
    const [run] = await waitForEndedRuns(stack.pool, "parallel", "p1");
    expect(run?.output).toEqual({ joined: "xyz" });
    for (const part of ["x", "y", "z", "join"]) expect(count(`parallel:p1:${part}`)).toBe(1);
  });

  it("retries a failing step with backoff until it succeeds", async () => {
    await stack.send({ name: "test/retry", data: { tag: "r1" } });
    const [run] = await waitForEndedRuns(stack.pool, "retry-then-ok", "r1");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe("ok");
    expect(count("retry:r1")).toBe(3);
  });

  it("honours RetryAfterError's delay", async () => {
    await stack.send({ name: "test/retry-after", data: { tag: "ra1" } });
    const [run] = await waitForEndedRuns(stack.pool, "retry-after", "ra1");
    expect(run?.status).toBe("completed");
    const [first, second] = stack.app.recorder.times.get("retry-after:ra1") ?? [];
    expect(second! - first!).toBeGreaterThanOrEqual(900);
  });

  it("fails at once on NonRetriableError and runs onFailure with the original event", async () => {
    await stack.send({ name: "test/non-retriable", data: { tag: "n1" } });
    const [run] = await waitForEndedRuns(stack.pool, "non-retriable", "n1");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toContain("this cannot work");
    expect(count("non-retriable:n1")).toBe(1);
    const failure = await waitFor(async () => stack.app.recorder.values.get("failure:n1"), 10_000, "onFailure");
    expect(failure).toMatchObject({ message: expect.stringContaining("this cannot work"), original: "test/non-retriable" });
  });

  it("sleeps between steps", async () => {
    await stack.send({ name: "test/sleep", data: { tag: "s1" } });
    const [run] = await waitForEndedRuns(stack.pool, "sleeper", "s1");
    expect(run?.output).toBe("rested");
    const before = stack.app.recorder.times.get("sleep:s1:before")?.[0] ?? 0;
    const after = stack.app.recorder.times.get("sleep:s1:after")?.[0] ?? 0;
    expect(after - before).toBeGreaterThanOrEqual(900);
    expect(count("sleep:s1:before")).toBe(1);
  });

  it("resumes waitForEvent on a matching event (CEL if) and returns null on timeout", async () => {
    await stack.send([
      { name: "test/wait", data: { tag: "w1" } },
      { name: "test/wait", data: { tag: "w2" } },
    ]);
    await waitFor(async () => count("wait:w1:ready") === 1 && count("wait:w2:ready") === 1, 10_000, "waits registered");
    await waitFor(async () => {
      const { rows } = await stack.pool.query("SELECT 1 FROM inngest_executor.pauses WHERE kind = 'wait'");
      return rows.length === 2;
    });
    await stack.send([
      { name: "test/approved", data: { tag: "other", by: "nobody" } },
      { name: "test/approved", data: { tag: "w1", by: "ada" } },
    ]);
    const [matched] = await waitForEndedRuns(stack.pool, "waiter", "w1");
    expect(matched?.output).toEqual({ approvedBy: "ada" });
    const [timedOut] = await waitForEndedRuns(stack.pool, "waiter", "w2");
    expect(timedOut?.output).toEqual({ approvedBy: null });
  });

  it("invokes another function and receives its result", async () => {
    await stack.send({ name: "test/invoke", data: { tag: "i1", n: 21 } });
    const [run] = await waitForEndedRuns(stack.pool, "invoker", "i1");
    expect(run?.output).toEqual({ doubled: 42 });
  });

  it("fans out with step.sendEvent, each item handled once", async () => {
    await stack.send({ name: "test/fan-out", data: { tag: "f1" } });
    await waitForEndedRuns(stack.pool, "fan-out", "f1");
    await waitFor(async () => [0, 1, 2].every((i) => count(`fan:f1:${i}`) >= 1), 15_000, "fan-out items");
    await waitFor(async () => {
      const runs = await findRuns(stack.pool, "fan-item", "f1");
      return runs.length === 3 && runs.every((run) => run.status === "completed");
    });
    for (const i of [0, 1, 2]) expect(count(`fan:f1:${i}`)).toBe(1);
  });

  it("tells a run's step.sendEvent from a client's send, so only the latter counts as intake", async () => {
    const before = stack.executor.eventRequests!();
    await stack.send({ name: "test/fan-out", data: { tag: "intake" } });
    await waitForEndedRuns(stack.pool, "fan-out", "intake");
    const after = stack.executor.eventRequests!();
    expect(after.fromOutside - before.fromOutside).toBe(1);
    expect(after.fromRuns - before.fromRuns).toBeGreaterThanOrEqual(1);
  });

  it("limits concurrently executing steps per concurrency key", async () => {
    const events = ["a", "b"].flatMap((group) => Array.from({ length: 5 }, () => ({ name: "test/limited", data: { group } })));
    await stack.send(events);
    await waitFor(async () => count("limited:a:done") === 5 && count("limited:b:done") === 5, 25_000, "limited runs");
    expect(stack.app.recorder.maxLive.get("limited:a")).toBeLessThanOrEqual(2);
    expect(stack.app.recorder.maxLive.get("limited:b")).toBeLessThanOrEqual(2);
    expect(stack.app.recorder.maxLive.get("limited:all")).toBeLessThanOrEqual(4);
  });

  it("throttles run starts without dropping any", async () => {
    const sentAt = Date.now();
    await stack.send(Array.from({ length: 5 }, () => ({ name: "test/throttled", data: { tag: "t1" } })));
    const runs = await waitForEndedRuns(stack.pool, "throttled", "t1", 5);
    expect(runs.every((run) => run.status === "completed")).toBe(true);
    const times = stack.app.recorder.times.get("throttled:t1") ?? [];
    expect(times).toHaveLength(5);
    // 2 per second, evenly spaced from the intake: the fifth run cannot start before ~2 s have passed.
    expect(Math.max(...times) - sentAt).toBeGreaterThanOrEqual(1_900);
  });

  it("cancels a run on a matching cancelOn event", async () => {
    await stack.send({ name: "test/cancellable", data: { tag: "c1" } });
    await waitFor(async () => count("cancel:c1:start") === 1, 10_000, "cancellable start");
    await stack.send({ name: "test/cancel", data: { tag: "c1" } });
    const [run] = await waitForEndedRuns(stack.pool, "cancellable", "c1");
    expect(run?.status).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(count("cancel:c1:finish")).toBe(0);
  });

  it("starts one run for an event id sent twice", async () => {
    const first = await stack.send({ name: "test/multi", id: "dedupe-1", data: { tag: "d1" } });
    const second = await stack.send({ name: "test/multi", id: "dedupe-1", data: { tag: "d1" } });
    expect(second).toEqual(first);
    await waitForEndedRuns(stack.pool, "multi-step", "d1");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await findRuns(stack.pool, "multi-step", "d1")).toHaveLength(1);
    expect(count("multi:d1:a")).toBe(1);
  });

  it("rejects unsupported config loudly at sync, naming function and field", async () => {
    const response = await stack.api("/health");
    const health = await response.json();
    // Up and running every other function, so still 200, but not plain "ok".
    expect(response.status).toBe(200);
    expect(health.status).toBe("degraded");
    expect(health.rejectedFunctions).toEqual(["contract-app-rate-limited"]);
    expect(health.syncErrors).toContainEqual(
      expect.objectContaining({ functionId: "contract-app-rate-limited", field: "rateLimit" }),
    );
    const functions = await (await stack.api("/v1/functions")).json();
    expect(functions.functions.map((fn: { id: string }) => fn.id)).not.toContain("contract-app-rate-limited");
    expect(functions.functions.map((fn: { id: string }) => fn.id)).toContain("contract-app-multi-step");
  });

  it("answers the SDK's out-of-band sync on /fn/register with a 400 naming the rejected function and field", async () => {
    // The SDK passes the executor's status and error on as its answer to the PUT.
    const response = await fetch(stack.app.url, { method: "PUT" });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/rejected 1 function\(s\): contract-app-rate-limited \(rateLimit: /);
    const functions = await (await stack.api("/v1/functions")).json();
    expect(functions.functions.map((fn: { id: string }) => fn.id)).toContain("contract-app-multi-step");
    const forged = await fetch(`${stack.executor.url}/fn/register`, {
      method: "POST",
      headers: { authorization: `Bearer signkey-test-${"00".repeat(32)}` },
      body: JSON.stringify({ url: "http://127.0.0.1:1/api/inngest", functions: [] }),
    });
    expect(forged.status).toBe(401);
  });

  it("refuses a config it cannot honour on /fn/register with 400, registering the rest", async () => {
    const url = "http://127.0.0.1:1/api/other-app";
    // Only a configured app URL is registered; this executor (on the same database) also syncs the other app.
    const other = await stack.startExecutor({ appUrls: [stack.app.url, url] });
    const step = { id: "step", name: "step", runtime: { type: "http", url: `${url}?fnId=other-debounced&stepId=step` } };
    const response = await callApi(other.url, stack.signingKey, "/fn/register", {
      method: "POST",
      body: JSON.stringify({
        url,
        functions: [
          { id: "other-debounced", name: "debounced", triggers: [{ event: "other/x" }], steps: { step }, debounce: { period: "5s" } },
          { id: "other-plain", name: "plain", triggers: [{ event: "other/y" }], steps: { step: { ...step, runtime: { ...step.runtime, url: `${url}?fnId=other-plain&stepId=step` } } } },
        ],
      }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ status: 400, error: expect.stringContaining("other-debounced (debounce: ") });
    expect(body.errors).toEqual([expect.objectContaining({ functionId: "other-debounced", field: "debounce" })]);
    const functions = await (await stack.api("/v1/functions")).json();
    expect(functions.functions.map((fn: { id: string }) => fn.id)).toContain("other-plain");
    expect((await (await stack.api("/health")).json()).rejectedFunctions).toContain("other-debounced");
  });

  it("refuses an out-of-band sync naming another URL (a forged Host): no function moves, and they still run on the app", async () => {
    const appUrls = async () => {
      const { functions } = (await (await stack.api("/v1/functions")).json()) as { functions: { id: string; appUrl: string }[] };
      return new Set(functions.filter((fn) => fn.id.startsWith("contract-app-")).map((fn) => fn.appUrl));
    };
    expect(await appUrls()).toEqual(new Set([stack.app.url]));
    // The SDK (no serveOrigin, unauthenticated sync on: its defaults) registers the URL it builds from the Host header.
    const forged = await putWithHost(stack.app.url, "evil.example:8080");
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body).message).toMatch(/http:\/\/evil\.example:8080\/api\/inngest is not an app URL this executor syncs/);
    // A later re-sync would not undo a move: the app's function list is unchanged.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await appUrls()).toEqual(new Set([stack.app.url]));
    await stack.send({ name: "test/multi", data: { tag: "after-forged-sync" } });
    const [run] = await waitForEndedRuns(stack.pool, "multi-step", "after-forged-sync");
    expect(run).toMatchObject({ status: "completed", output: { sum: 6 } });
  });

  it("never moves a function id to another app URL, even when both are configured", async () => {
    const url = "http://127.0.0.1:1/api/impostor";
    const other = await stack.startExecutor({ appUrls: [stack.app.url, url] });
    const step = { id: "step", name: "step", runtime: { type: "http", url: `${url}?fnId=contract-app-multi-step&stepId=step` } };
    const response = await callApi(other.url, stack.signingKey, "/fn/register", {
      method: "POST",
      body: JSON.stringify({ url, functions: [{ id: "contract-app-multi-step", name: "impostor", triggers: [{ event: "test/multi" }], steps: { step } }] }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ functionId: "contract-app-multi-step", field: "id", message: expect.stringContaining(`already registered by ${stack.app.url}`) }),
    ]);
    const functions = ((await (await stack.api("/v1/functions")).json()) as { functions: { id: string; appUrl: string }[] }).functions;
    expect(functions.find((fn) => fn.id === "contract-app-multi-step")?.appUrl).toBe(stack.app.url);
  });

  it("refuses events sent with another event key", async () => {
    const response = await fetch(`${stack.executor.url}/e/not-the-key`, {
      method: "POST",
      body: JSON.stringify({ name: "test/multi", data: { tag: "wrong-key" } }),
    });
    expect(response.status).toBe(401);
  });
});
