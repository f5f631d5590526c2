import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index";
import { callApi, control, startTestSimulator } from "./support";

type FaultCounts = { http500: number; rateLimitBursts: number; burst429: number; latencySpikes: number; webhookCopies: number };
const faultCounts = async (sim: RunningSimulator) => (await control<{ faultsInjected: FaultCounts }>(sim, "GET", "/stats")).faultsInjected;

describe("faults for the chaos benchmark", () => {
  let sim: RunningSimulator;
  let receiver: Server;
  const received: string[] = [];
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 20 });
    receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push((JSON.parse(body) as { callData: { metaData: { id: string } } }).callData.metaData.id);
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((resolve) => receiver.close(resolve));
  });
  beforeEach(() => control(sim, "POST", "/faults", { rateLimitBurstRate: 0, latencySpikeRate: 0, errorRate: 0, webhookCopies: 1 }));

  it("rateLimitBurstRate answers 429 with Retry-After for the whole burst, then the API works again", async () => {
    await control(sim, "POST", "/faults", { rateLimitBurstRate: 1, rateLimitBurstSeconds: 1 });
    const first = await callApi(sim, "GET", "/v2/workspaces");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    await control(sim, "POST", "/faults", { rateLimitBurstRate: 0 });
    expect((await callApi(sim, "GET", "/v2/workspaces")).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await callApi(sim, "GET", "/v2/workspaces")).status).toBe(200);
    expect(await faultCounts(sim)).toMatchObject({ rateLimitBursts: 1, burst429: 2 });
  });

  it("latencySpikeRate holds an answer back by latencySpikeMs and counts it", async () => {
    const before = (await faultCounts(sim)).latencySpikes;
    await control(sim, "POST", "/faults", { latencySpikeRate: 1, latencySpikeMs: 300 });
    const sentAt = performance.now();
    expect((await callApi(sim, "GET", "/v2/workspaces")).status).toBe(200);
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(300 - 1);
    expect((await faultCounts(sim)).latencySpikes).toBe(before + 1);
  });

  it("errorRate's 500s are counted as injected faults", async () => {
    const before = (await faultCounts(sim)).http500;
    await control(sim, "POST", "/faults", { errorRate: 1 });
    expect((await callApi(sim, "GET", "/v2/workspaces")).status).toBe(500);
    expect((await faultCounts(sim)).http500).toBe(before + 1);
  });

  it("webhookCopies delivers a new call's webhook that many times, and redeliver replays it", async () => {
    const port = (receiver.address() as AddressInfo).port;
    await control(sim, "POST", "/rules", { url: `http://127.0.0.1:${port}/hook`, auth: "jwt" });
    await control(sim, "POST", "/faults", { webhookCopies: 2 });
    const call = await control<{ id: string }>(sim, "POST", "/calls", {});
    await control(sim, "POST", `/calls/${call.id}/redeliver`, {});
    for (let waited = 0; received.length < 3 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([call.id, call.id, call.id]);
    expect((await faultCounts(sim)).webhookCopies).toBe(2);
    const missing = await fetch(`${sim.url}/__sim/calls/999/redeliver`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(404);
  });
});
