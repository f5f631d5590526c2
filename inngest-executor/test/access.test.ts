import { afterAll, beforeAll, expect, it } from "vitest";
import { hashSigningKey } from "../src/common/signing.js";
import type { Executor } from "../src/index.js";
import { createSigningKey } from "./contract-app.js";
import { callApi, startStack, waitForEndedRuns, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

let stack: Stack;
let runId: string;

beforeAll(async () => {
  stack = await startStack("visibility");
  await stack.send({ name: "test/bystander", data: { tag: "access" } });
  const [run] = await waitForEndedRuns(stack.pool, "bystander", "access");
  runId = run!.id;
});

afterAll(async () => {
  await stack?.stop();
});

const READ_PATHS = () => ["/", "/?status=completed", "/v1/runs", `/v1/runs/${runId}`, "/v1/functions"];

async function statusOf(executor: Executor, path: string, headers: Record<string, string> = {}): Promise<number> {
  return (await fetch(`${executor.url}${path}`, { headers })).status;
}

describeWithDatabase("the read API", () => {
  it("answers runs, step output and functions only to the signing key's holders, as Inngest's API does", async () => {
    for (const path of READ_PATHS()) {
      expect(await statusOf(stack.executor, path), path).toBe(401);
      expect(await statusOf(stack.executor, path, { authorization: `Bearer ${hashSigningKey(createSigningKey())}` }), path).toBe(401);
      expect((await stack.api(path)).status, path).toBe(200);
    }
    const detail = await (await stack.api(`/v1/runs/${runId}`)).json();
    expect(detail.data).toMatchObject({ id: runId, status: "completed", output: "bystanding" });
  });

  it("tells anyone /health's status and the key's holders the rest", async () => {
    const open = await fetch(`${stack.executor.url}/health`);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ status: "ok" });
    expect(await (await stack.api("/health")).json()).toMatchObject({ status: "ok", database: "ok", functions: 2, syncErrors: [] });
  });

  it("accepts the fallback signing key while keys rotate", async () => {
    const previous = createSigningKey();
    // No app to sync: the app under test has the stack's key, which is neither of these.
    const rotating = await stack.startExecutor({ appUrls: [], signingKey: createSigningKey(), signingKeyFallback: previous });
    expect((await callApi(rotating.url, previous, "/v1/functions")).status).toBe(200);
    expect((await callApi(rotating.url, stack.signingKey, "/v1/functions")).status).toBe(401);
  });

  it("opens it to loopback only on a dev server, and never to a request forwarded by a proxy", async () => {
    const dev = await stack.startExecutor({ dev: true });
    for (const path of READ_PATHS()) expect(await statusOf(dev, path), path).toBe(200);
    expect(await statusOf(dev, "/v1/runs", { "x-forwarded-for": "203.0.113.9" })).toBe(401);
    expect(await statusOf(dev, "/v1/runs", { forwarded: "for=203.0.113.9" })).toBe(401);
  });

  it("refuses events sent with another event key of the same length", async () => {
    const sameLength = stack.eventKey.replace(/.$/, (last) => (last === "0" ? "1" : "0"));
    const response = await fetch(`${stack.executor.url}/e/${sameLength}`, { method: "POST", body: JSON.stringify({ name: "test/bystander" }) });
    expect(response.status).toBe(401);
  });
});
