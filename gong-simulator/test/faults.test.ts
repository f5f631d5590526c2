import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "../src/index";
import { ACCESS_KEY_AUTH, callApi, control, startTestSimulator } from "./support";

describe("fault injection", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 50 });
  });
  afterAll(() => sim.close());
  beforeEach(() => control(sim, "POST", "/faults", { errorRate: 0, truncateRate: 0, latencyMs: 0, transcriptDelaySeconds: 0 }));

  it("errorRate answers Gong's 500", async () => {
    await control(sim, "POST", "/faults", { errorRate: 1 });
    const answer = await callApi(sim, "GET", "/v2/workspaces");
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ requestId: expect.any(String), errors: ["Internal server error occurred"] });
  });

  it("truncateRate cuts the body off mid-way", async () => {
    await control(sim, "POST", "/faults", { truncateRate: 1 });
    await expect(fetch(`${sim.url}/v2/users`, { headers: { Authorization: ACCESS_KEY_AUTH } }).then((response) => response.json())).rejects.toThrow();
  });

  it("latencyMs holds a /v2 answer back at least that long", async () => {
    await control(sim, "POST", "/faults", { latencyMs: 400 });
    const sentAt = performance.now();
    const answer = await callApi(sim, "GET", "/v2/workspaces");
    const elapsedMs = performance.now() - sentAt;
    expect(answer.status).toBe(200);
    // A lower bound only (a busy machine may take longer); Node's timers count whole milliseconds, hence the 1.
    expect(elapsedMs).toBeGreaterThanOrEqual(400 - 1);
  });

  it("the global transcriptDelaySeconds holds back the transcript of a call created afterwards", async () => {
    await control(sim, "POST", "/faults", { transcriptDelaySeconds: 600 });
    const created = await control<{ id: string }>(sim, "POST", "/calls", {});
    const immediate = await control<{ id: string }>(sim, "POST", "/calls", { transcriptDelaySeconds: 0 });
    const ask = (callIds: string[]) => callApi(sim, "POST", "/v2/calls/transcript", { body: { filter: { callIds } } });
    const transcribedIds = (answer: Awaited<ReturnType<typeof ask>>) => (answer.body.callTranscripts as Array<{ callId: string }>).map((t) => t.callId);
    const pending = await ask([created.id]);
    expect(pending.status).toBe(404);
    expect(pending.body.errors).toEqual(["No calls found corresponding to the provided filters"]);
    expect((await callApi(sim, "GET", `/v2/calls/${created.id}`)).status).toBe(200);
    // The per-call option still wins over the global fault.
    expect(transcribedIds(await ask([created.id, immediate.id]))).toEqual([immediate.id]);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 601_000);
      const ready = await ask([created.id]);
      expect(ready.status).toBe(200);
      expect(transcribedIds(ready)).toEqual([created.id]);
      expect((ready.body.callTranscripts as Array<{ transcript: unknown[] }>)[0]!.transcript.length).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("faults apply to /v2 only, and a fault-free API works again afterwards", async () => {
    await control(sim, "POST", "/faults", { errorRate: 1 });
    expect((await fetch(`${sim.url}/__sim/health`)).status).toBe(200);
    await control(sim, "POST", "/faults", { errorRate: 0 });
    expect((await callApi(sim, "GET", "/v2/workspaces")).status).toBe(200);
  });

  it("bad credentials and unknown paths answer in Gong's shape", async () => {
    expect((await callApi(sim, "GET", "/v2/users", { auth: "Bearer nope" })).status).toBe(401);
    expect((await callApi(sim, "GET", "/v2/nothing")).status).toBe(404);
    const wrongMethod = await callApi(sim, "GET", "/v2/calls/extensive");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.errors).toEqual(["Method Not Allowed"]);
  });
});
