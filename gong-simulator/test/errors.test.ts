import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index";
import { bearerFor, callApi, startTestSimulator } from "./support";

describe("Gong's error answers", () => {
  let sim: RunningSimulator;
  let noScopes: string;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 10 });
    noScopes = await bearerFor(sim, ["api:calls:read:basic"]);
  });
  afterAll(() => sim.close());

  it("users/extensive with no match is a 404 in Gong's calls wording (API.md §3)", async () => {
    const answer = await callApi(sim, "POST", "/v2/users/extensive", { body: { filter: { userIds: ["1"] } } });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ requestId: expect.any(String), errors: ["No calls found corresponding to the provided filters"] });
  });

  it("a missing scope on GET /v2/users and /v2/workspaces is the 403 their spec documents, naming the scope", async () => {
    for (const path of ["/v2/users", "/v2/workspaces"]) {
      const scope = path === "/v2/users" ? "api:users:read" : "api:workspaces:read";
      const answer = await callApi(sim, "GET", path, { auth: noScopes });
      expect(answer.status, path).toBe(403);
      expect(answer.body.errors).toEqual([`You don't have permission to use '${scope}' in your app.`]);
    }
  });

  it("elsewhere a missing scope stays 401, users by id and users/extensive included", async () => {
    const users = await callApi<{ users: Array<{ id: string }> }>(sim, "GET", "/v2/users");
    expect((await callApi(sim, "GET", `/v2/users/${users.body.users[0]!.id}`, { auth: noScopes })).status).toBe(401);
    expect((await callApi(sim, "POST", "/v2/users/extensive", { auth: noScopes, body: { filter: {} } })).status).toBe(401);
    expect((await callApi(sim, "GET", "/v2/library/folders", { auth: noScopes })).status).toBe(401);
  });
});
