import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index";
import { buildWebhookBody } from "../src/webhooks/deliver";
import { createGongValidator, GONG_SPEC_PATH, hasGongSpec } from "./openapi-validator";
import { bearerFor, callApi, FROM, FULL_SELECTOR, startTestSimulator, TO } from "./support";

const describeWithSpec = hasGongSpec ? describe : describe.skip;
const title = hasGongSpec
  ? "every /v2 response validates against Gong's OpenAPI spec"
  : `Gong spec is absent (${GONG_SPEC_PATH}): OpenAPI conformance not checked`;

describeWithSpec(title, () => {
  let sim: RunningSimulator;
  let validator: ReturnType<typeof createGongValidator>;
  let validate: ReturnType<typeof createGongValidator>["validateResponse"];
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 250 });
    validator = createGongValidator();
    validate = validator.validateResponse;
  });
  afterAll(() => sim.close());

  async function expectConforms(method: string, template: string, path: string, body?: unknown, expectedStatus = 200, auth?: string) {
    const answer = await callApi(sim, method, path, { body, auth });
    expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
    expect(validate(method, template, answer.status, answer.body)).toEqual([]);
    expect(answer.headers.get("x-traceid")).toBe(answer.body.requestId);
    expect(String(answer.body.requestId)).toMatch(/^[a-z0-9]{19}$/);
    return answer.body;
  }

  it("the validator itself rejects wrong shapes (so a pass means something)", () => {
    expect(validate("GET", "/v2/calls", 200, { requestId: "x", calls: [{ id: 7, duration: "long", direction: "Sideways" }] })).toHaveLength(3);
    expect(validate("GET", "/v2/calls", 404, { requestId: "x", errors: [{ message: "no" }] })).not.toEqual([]);
  });

  it("the validator allows null only where API.md shows Gong sending it", () => {
    const call = (metaData: Record<string, unknown>, party: Record<string, unknown> = {}) =>
      validate("POST", "/v2/calls/extensive", 200, { requestId: "x", calls: [{ metaData: { id: "1", ...metaData }, parties: [{ id: "2", ...party }] }] });
    expect(call({ sdrDisposition: null, clientUniqueId: null, customData: null, purpose: null }, { speakerId: null })).toEqual([]);
    for (const field of ["title", "started", "duration", "meetingUrl", "calendarEventId", "isPrivate", "direction"]) {
      expect(call({ [field]: null }), field).not.toEqual([]);
    }
    for (const field of ["name", "emailAddress", "title", "phoneNumber", "userId"]) expect(call({}, { [field]: null }), field).not.toEqual([]);
    const monologue = (fields: Record<string, unknown>) => validate("POST", "/v2/calls/transcript", 200, { requestId: "x", callTranscripts: [{ callId: "1", transcript: [{ sentences: [], ...fields }] }] });
    expect(monologue({ speakerId: null, topic: null })).toEqual([]);
    expect(monologue({ sentences: null })).not.toEqual([]);
    expect(validate("GET", "/v2/users", 200, { requestId: "x", users: [{ id: "1", title: null, managerId: null, conferencingProviders: null }] })).toEqual([]);
    expect(validate("GET", "/v2/users", 200, { requestId: "x", users: [{ id: "1", firstName: null }] })).not.toEqual([]);
    expect(validate("GET", "/v2/workspaces", 200, { requestId: "x", workspaces: [{ id: "1", name: null }] })).not.toEqual([]);
    const withContext = (value: unknown) => validator.validateSchema("CallData", { context: [{ system: "Salesforce", objects: [{ objectType: "Account", fields: [{ name: "Amount", value }] }] }] });
    expect([withContext(50_000), withContext("acme.com"), withContext(null)]).toEqual([[], [], []]);
    expect(validator.validateSchema("CallData", { media: { audioUrl: "not a url" } })).not.toEqual([]);
  });

  it("GET /v2/calls, every page, and GET /v2/calls/{id}", async () => {
    let cursor: string | undefined;
    let firstId = "";
    do {
      const query = new URLSearchParams({ fromDateTime: FROM, toDateTime: TO, ...(cursor ? { cursor } : {}) });
      const body = await expectConforms("GET", "/v2/calls", `/v2/calls?${query}`);
      firstId ||= String((body.calls as Array<{ id: string }>)[0]?.id);
      cursor = (body.records as { cursor?: string }).cursor;
    } while (cursor);
    const one = await expectConforms("GET", "/v2/calls/{id}", `/v2/calls/${firstId}`);
    expect((one.call as { id: string }).id).toBe(firstId);
    await expectConforms("GET", "/v2/calls/{id}", "/v2/calls/789000000000000000", undefined, 404);
  });

  it("POST /v2/calls/extensive with every section, and with none", async () => {
    const full = await expectConforms("POST", "/v2/calls/extensive", "/v2/calls/extensive", { filter: { fromDateTime: FROM, toDateTime: TO }, contentSelector: FULL_SELECTOR });
    const call = (full.calls as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(call).sort()).toEqual(["collaboration", "content", "context", "interaction", "media", "metaData", "parties"]);
    const bare = await expectConforms("POST", "/v2/calls/extensive", "/v2/calls/extensive", { filter: {} });
    expect(Object.keys((bare.calls as Array<Record<string, unknown>>)[0]!)).toEqual(["metaData"]);
    await expectConforms("POST", "/v2/calls/extensive", "/v2/calls/extensive", { filter: { fromDateTime: "2020-01-01T00:00:00Z", toDateTime: "2020-01-02T00:00:00Z" } }, 404);
    await expectConforms("POST", "/v2/calls/extensive", "/v2/calls/extensive", { filter: { callIds: [] } }, 400);
  });

  it("POST /v2/calls/transcript", async () => {
    const body = await expectConforms("POST", "/v2/calls/transcript", "/v2/calls/transcript", { filter: { fromDateTime: FROM, toDateTime: TO } });
    expect((body.callTranscripts as unknown[]).length).toBe(100);
  });

  it("users: list, extensive and by id", async () => {
    const list = await expectConforms("GET", "/v2/users", "/v2/users");
    const users = list.users as Array<{ id: string; emailAddress: string }>;
    expect(users.map((user) => user.emailAddress)).toEqual(expect.arrayContaining(["admin@acme.test", "rep1@acme.test", "rep2@acme.test", "rep3@acme.test"]));
    await expectConforms("POST", "/v2/users/extensive", "/v2/users/extensive", { filter: {} });
    await expectConforms("POST", "/v2/users/extensive", "/v2/users/extensive", { filter: { userIds: ["1"] } }, 404);
    await expectConforms("GET", "/v2/users/{id}", `/v2/users/${users[0]!.id}`);
    await expectConforms("GET", "/v2/users/{id}", "/v2/users/123", undefined, 404);
  });

  it("workspaces and library", async () => {
    const workspaces = await expectConforms("GET", "/v2/workspaces", "/v2/workspaces");
    const workspaceId = (workspaces.workspaces as Array<{ id: string }>)[1]!.id;
    const folders = await expectConforms("GET", "/v2/library/folders", `/v2/library/folders?workspaceId=${workspaceId}`);
    const folderId = (folders.folders as Array<{ id: string }>)[1]!.id;
    const content = await expectConforms("GET", "/v2/library/folder-content", `/v2/library/folder-content?folderId=${folderId}`);
    expect((content.calls as unknown[]).length).toBeGreaterThan(0);
    await expectConforms("GET", "/v2/library/folder-content", "/v2/library/folder-content?folderId=1", undefined, 404);
  });

  it("webhook callData validates as one calls/extensive call, for every seeded call and a created one", async () => {
    await fetch(`${sim.url}/__sim/calls`, { method: "POST", body: JSON.stringify({ participants: ["buyer@globex.example"] }) });
    const total = sim.state.dataset.callCount + sim.state.dataset.extraCalls.length;
    expect(total).toBe(251);
    for (let index = 0; index < total; index++) {
      const body = JSON.parse(buildWebhookBody(sim.state, index, false)) as { isTest: boolean; callData: unknown };
      expect(Object.keys(body)).toEqual(["isTest", "callData"]);
      expect(validator.validateSchema("CallData", body.callData), `call ${index}`).toEqual([]);
    }
  });

  it("errors: missing scope (401, or 403 where the spec says so) and rate limit (429)", async () => {
    const auth = await bearerFor(sim, ["api:users:read"]);
    const denied = await expectConforms("POST", "/v2/calls/transcript", "/v2/calls/transcript", { filter: {} }, 401, auth);
    expect(denied.errors).toEqual(["You don't have permission to use 'api:calls:read:transcript' in your app."]);
    const callsOnly = await bearerFor(sim, ["api:calls:read:basic"]);
    await expectConforms("GET", "/v2/users", "/v2/users", undefined, 403, callsOnly);
    await expectConforms("GET", "/v2/workspaces", "/v2/workspaces", undefined, 403, callsOnly);
    sim.state.faults.rateLimit = 1;
    try {
      const answers = await Promise.all([1, 2, 3].map(() => callApi(sim, "GET", "/v2/workspaces")));
      const limited = answers.find((answer) => answer.status === 429);
      expect(limited).toBeDefined();
      expect(validate("GET", "/v2/calls", 429, limited!.body)).toEqual([]);
    } finally {
      sim.state.faults.rateLimit = 10_000;
    }
  });
});
