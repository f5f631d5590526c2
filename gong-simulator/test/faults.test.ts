import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index";
import { ACCESS_KEY_AUTH, callApi, control, startTestSimulator } from "./support";

describe("fault injection", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 50 });
  });
  afterAll(() => sim.close());
  beforeEach(() => control(sim, "POST", "/faults", { errorRate: 0, truncateRate: 0, latencyMs: 0 }));

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
