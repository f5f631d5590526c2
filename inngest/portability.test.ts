import type { InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type EventApi, type RunUsage, createLimitHarness, startEventApi } from "@/test-support/inngest-limit-harness";
import { INNGEST_LIMITS } from "@/test-support/inngest-limits";
import { TENANT_IDS, WORST_CASE_TENANT, type TenantShape, tenant } from "@/test-support/worst-case-tenant";

// The app's Gong and database layer answers from a tenant of WORST_CASE_TENANT's size (see worst-case-tenant.ts);
// everything above it, the functions and the SDK sending their events, is the app's own code.
const fakes = () => import("@/test-support/worst-case-tenant");
vi.mock("@/db", async () => (await fakes()).fakeDbModule);
vi.mock("@/db/queries/sync-runs", async (original) => ({ ...(await original()), ...(await fakes()).fakeSyncRuns }));
vi.mock("@/db/queries/sync-run-progress", async (original) => ({ ...(await original()), ...(await fakes()).fakeSyncRunProgress }));
vi.mock("@/db/queries/sync-watermarks", async (original) => ({ ...(await original()), ...(await fakes()).fakeSyncWatermarks }));
vi.mock("@/db/queries/gong-connections", async (original) => ({ ...(await original()), ...(await fakes()).fakeGongConnections }));
vi.mock("@/db/queries/gong-users", async (original) => ({ ...(await original()), ...(await fakes()).fakeGongUsers }));
vi.mock("@/db/queries/user-gong-links", async (original) => ({ ...(await original()), ...(await fakes()).fakeUserGongLinks }));
vi.mock("@/db/queries/gong-workspaces", async (original) => ({ ...(await original()), ...(await fakes()).fakeGongWorkspaces }));
vi.mock("@/db/queries/late-transcripts", async (original) => ({ ...(await original()), ...(await fakes()).fakeLateTranscripts }));
vi.mock("@/db/queries/deleted-calls", async (original) => ({ ...(await original()), ...(await fakes()).fakeDeletedCalls }));
vi.mock("@/db/queries/purge-synced-data", async (original) => ({ ...(await original()), ...(await fakes()).fakePurgeSyncedData }));
vi.mock("@/db/queries/call-insights", async (original) => ({ ...(await original()), ...(await fakes()).fakeCallInsights }));
vi.mock("@/db/queries/trackers", async (original) => ({ ...(await original()), ...(await fakes()).fakeTrackers }));
vi.mock("@/db/queries/quarantined-gong-records", async (original) => ({ ...(await original()), ...(await fakes()).fakeQuarantinedGongRecords }));
vi.mock("@/lib/calls/refresh-call-insights", async (original) => ({ ...(await original()), ...(await fakes()).fakeRefreshCallInsights }));
vi.mock("@/lib/calls/summarize-call-with-llm", async (original) => ({ ...(await original()), ...(await fakes()).fakeSummarizeCallWithLlm }));
vi.mock("@/lib/sync/sync-call-page", async (original) => ({ ...(await original()), ...(await fakes()).fakeSyncCallPage }));
vi.mock("@/lib/sync/fetch-late-transcripts", async (original) => ({ ...(await original()), ...(await fakes()).fakeFetchLateTranscripts }));
vi.mock("@/lib/sync/discover-workspaces", async (original) => ({ ...(await original()), ...(await fakes()).fakeDiscoverWorkspaces }));
vi.mock("@/lib/gong/client", async (original) => ({ ...(await original()), ...(await fakes()).fakeGongClient }));
vi.mock("@/lib/gong-connection/create-gong-context", async (original) => ({ ...(await original()), ...(await fakes()).fakeCreateGongContext }));
vi.mock("@/lib/gong-connection/config", async (original) => ({ ...(await original()), ...(await fakes()).fakeGongConfig }));
vi.mock("@/lib/outbound/to-outbound-event-request", async (original) => ({ ...(await original()), ...(await fakes()).fakeOutboundEventRequests }));
vi.mock("@/lib/outbound/record-outbound-deliveries", async (original) => ({ ...(await original()), ...(await fakes()).fakeRecordOutboundDeliveries }));
vi.mock("@/lib/outbound/attempt-delivery", async (original) => ({ ...(await original()), ...(await fakes()).fakeAttemptDelivery }));

type Event = { name: string; data: Record<string, unknown> };
type Harness = ReturnType<typeof createLimitHarness>;

let eventApi: EventApi;
let harness: Harness;
let byId: Map<string, InngestFunction.Any>;
let allFunctions: InngestFunction.Any[];

const { connectionId, organizationId } = TENANT_IDS;
const runId = "00000000-0000-4000-8000-0000000000f1";
const gongIds = (count: number) => Array.from({ length: count }, (_, index) => `5${index.toString().padStart(18, "0")}`);
const fn = (id: string) => {
  const found = byId.get(id);
  if (!found) throw new Error(`no function ${id}`);
  return found;
};

/** One way each function is driven at the tenant's worst: its trigger, the tenant's shape, and the chain it continues in. */
type Scenario = { name: string; functionId: string; shape?: Partial<TenantShape>; runKind?: "backfill" | "manual"; events: () => Event[] };

const SCENARIOS: Scenario[] = [
  { name: "a new connection", functionId: "backfill-gong-connection", events: () => [{ name: "gong/connection.created", data: { connectionId, organizationId } }] },
  {
    name: "a backfill of every call and user, in one workspace (its longest chain)",
    functionId: "sync-gong-calls",
    events: () => [{ name: "gong/calls.sync-requested", data: { connectionId, runId } }],
  },
  {
    name: "a backfill of every call and user, over 100 workspaces",
    functionId: "sync-gong-calls",
    shape: { workspaces: 100 },
    events: () => [{ name: "gong/calls.sync-requested", data: { connectionId, runId } }],
  },
  {
    name: "a manual sync of 100 calls by id",
    functionId: "sync-gong-calls",
    runKind: "manual",
    events: () => [{ name: "gong/calls.sync-requested", data: { connectionId, runId, callGongIds: gongIds(100) } }],
  },
  { name: "one call's resync", functionId: "sync-gong-call", events: () => [{ name: "gong/call.sync-requested", data: { connectionId, callGongId: gongIds(1)[0]!, explicit: true, runId } }] },
  {
    name: "a full batch of webhook calls",
    functionId: "sync-webhook-calls",
    events: () => gongIds(100).map((callGongId) => ({ name: "gong/webhook.call-received", data: { connectionId, callGongId } })),
  },
  {
    name: "100 transcripts that never arrive",
    functionId: "check-late-transcripts",
    shape: { transcriptsArrive: false },
    events: () => [{ name: "gong/transcripts.pending", data: { connectionId, runId, callGongIds: gongIds(100) } }],
  },
  { name: "a delete of 100 calls", functionId: "delete-gong-calls", events: () => [{ name: "gong/calls.delete-requested", data: { connectionId, runId, callGongIds: gongIds(100) } }] },
  {
    name: "a purge of every call",
    functionId: "purge-gong-data",
    events: () => [{ name: "gong/connection.revoked", data: { connectionId, organizationId, deleteData: true } }],
  },
  {
    name: "a full batch of stored calls with their transcripts, each to every endpoint its organization reaches, every first attempt put off",
    functionId: "fan-out-outbound-event",
    events: () => gongIds(100).map((callId) => ({ name: "gong/call.synced", data: { callId } })),
  },
  {
    name: "a delivery that waits for its throttle slot and fails every attempt of the schedule",
    functionId: "deliver-outbound-webhook",
    events: () => [{ name: "callbridge/outbound-delivery.requested", data: { deliveryId: runId, endpointId: connectionId } }],
  },
  { name: "every connection due at once", functionId: "schedule-gong-syncs", events: () => [{ name: "inngest/scheduled.timer", data: { cron: "*/15 * * * *" } }] },
  { name: "a call's insights", functionId: "compute-call-insights", events: () => [{ name: "gong/call.synced", data: { callId: runId } }] },
  {
    name: "insights and summaries of every call",
    functionId: "compute-sync-insights",
    events: () => [{ name: "gong/sync-run.ended", data: { connectionId, runId } }],
  },
  { name: "a recount of every call's tracker hits", functionId: "recount-tracker-hits", events: () => [{ name: "callbridge/trackers.changed", data: { organizationId } }] },
];

type Outcome = { runs: RunUsage[]; requestBytes: number[] };

async function drive(scenario: Scenario, scale = 1): Promise<Outcome> {
  const sized = { calls: WORST_CASE_TENANT.calls * scale, gongUsers: WORST_CASE_TENANT.gongUsers * scale, dueConnections: WORST_CASE_TENANT.dueConnections * scale };
  tenant.reset({ ...sized, ...scenario.shape }, scenario.runKind);
  const sentBefore = eventApi.requests.length;
  const runs = await harness.drive(fn(scenario.functionId), scenario.events());
  return { runs, requestBytes: eventApi.requests.slice(sentBefore).map((request) => request.bytes) };
}

/** Per function: its runs, and the most any one of them used of each limit. */
function summarize(outcome: Outcome) {
  const byFunction = new Map<string, { runs: number; steps: number; stepOutputBytes: number; stateBytes: number; exceeded: string[] }>();
  for (const run of outcome.runs) {
    const entry = byFunction.get(run.functionId) ?? { runs: 0, steps: 0, stepOutputBytes: 0, stateBytes: 0, exceeded: [] };
    entry.runs += 1;
    entry.steps = Math.max(entry.steps, run.steps);
    entry.stepOutputBytes = Math.max(entry.stepOutputBytes, run.largestStepOutputBytes);
    entry.stateBytes = Math.max(entry.stateBytes, run.stateBytes);
    if (run.exceeded) entry.exceeded.push(run.exceeded);
    byFunction.set(run.functionId, entry);
  }
  return Object.fromEntries(byFunction);
}

beforeAll(async () => {
  eventApi = await startEventApi();
  // Set before the app's modules load: the Inngest client reads its environment once, when it is created.
  Object.assign(process.env, {
    DATABASE_URL: "postgres://unused.invalid/unused",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-test-secret-test-secret-0123",
    INNGEST_BASE_URL: eventApi.url,
    INNGEST_EVENT_KEY: "portability-test",
    // Summaries on: compute-sync-insights then takes its most steps.
    LLM_BASE_URL: "http://llm.invalid/v1",
  });
  delete process.env.INNGEST_DEV;
  delete process.env.SYNC_PAGES_PER_RUN;
  const [{ functions }, { inngest }] = await Promise.all([import("./index"), import("./client")]);
  allFunctions = functions;
  byId = new Map(functions.map((each) => [(each as unknown as { opts: { id: string } }).opts.id, each]));
  harness = createLimitHarness({ send: (payload) => inngest.send(payload as never), eventApi });
});
afterAll(() => eventApi?.close());

describe("every Inngest function stays within Inngest's limits for the largest tenant (1,000,000 calls, 200,000 Gong users, 5,000 due connections)", () => {
  it.each(SCENARIOS.map((scenario) => [`${scenario.functionId}: ${scenario.name}`, scenario] as const))("%s", async (_, scenario) => {
    const outcome = await drive(scenario);
    const usage = summarize(outcome);
    console.log(`${scenario.functionId} (${scenario.name}): ${JSON.stringify(usage)}; largest event request ${Math.max(0, ...outcome.requestBytes)} bytes`);
    for (const [functionId, entry] of Object.entries(usage)) {
      expect({ functionId, exceeded: entry.exceeded }).toEqual({ functionId, exceeded: [] });
      expect(entry.steps).toBeLessThanOrEqual(INNGEST_LIMITS.stepsPerRun);
    }
    expect(outcome.requestBytes.filter((bytes) => bytes > INNGEST_LIMITS.eventRequestBytes)).toEqual([]);
    expect(usage[scenario.functionId]?.runs).toBeGreaterThan(0);
  }, 60_000);

  it("drives every function the app serves", () => {
    const driven = new Set(SCENARIOS.map((scenario) => scenario.functionId));
    // Invoked by sync-gong-calls, in its chains.
    for (const invoked of ["sync-gong-users", "sync-gong-workspace"]) driven.add(invoked);
    expect([...byId.keys()].filter((id) => !driven.has(id))).toEqual([]);
    expect(allFunctions.length).toBe(byId.size);
  });

  it("takes no more steps in any run of a tenant twice as large: only the number of runs grows", async () => {
    const chained = ["sync-gong-calls", "purge-gong-data", "compute-sync-insights", "schedule-gong-syncs", "recount-tracker-hits"];
    for (const scenario of SCENARIOS.filter((each) => chained.includes(each.functionId) && !each.shape && !each.runKind)) {
      // A quarter and half of the largest tenant: already many runs a chain, and quick.
      const [smaller, larger] = [summarize(await drive(scenario, 0.25)), summarize(await drive(scenario, 0.5))];
      for (const [functionId, entry] of Object.entries(smaller)) {
        expect({ functionId, steps: larger[functionId]?.steps }).toEqual({ functionId, steps: entry.steps });
      }
    }
  }, 60_000);
});
