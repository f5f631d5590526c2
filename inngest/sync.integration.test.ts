import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interceptGongRequests } from "@/test-support/gong-fetch-interceptor";
import { type GongTruth, readGongTruth } from "@/test-support/gong-truth";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

let stack: SyncStack;
let connectionId: string;
let truth: GongTruth;

async function countStored() {
  const count = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(stack.db)).rows[0]?.n);
  return {
    calls: await count(sql`select count(*) as n from calls`),
    distinctCalls: await count(sql`select count(distinct gong_id) as n from calls`),
    parties: await count(sql`select count(*) as n from call_parties`),
    sentences: await count(sql`select count(*) as n from transcript_segments`),
  };
}

const startSync = (kind: "backfill" | "manual", extra: Record<string, unknown> = {}) => stack.startSync(connectionId, kind, extra);

beforeAll(async () => {
  stack = await startSyncStack({ simulator: { calls: 260 } });
  truth = await readGongTruth(stack.simulator.url);
  connectionId = await stack.connect();
}, 120_000);
afterAll(() => stack?.stop());

describe("syncing Gong into Postgres through the executor", () => {
  it("backfills exactly the simulator's calls, parties and transcript sentences", async () => {
    const run = await stack.waitForRun(await startSync("backfill"), 90_000);
    expect(run.status).toBe("succeeded");
    expect(await countStored()).toEqual({ calls: truth.callIds.length, distinctCalls: truth.callIds.length, parties: truth.parties, sentences: truth.sentences });
    expect(run.calls).toBe(truth.callIds.length);
    const users = await stack.db.selectFrom("gong_users").select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow();
    expect(Number(users.n)).toBeGreaterThan(0);
    const link = await stack.db.selectFrom("user_gong_links").selectAll().where("user_id", "=", stack.adminId).executeTakeFirst();
    expect(link?.source).toBe("email");
  }, 120_000);

  it("changes nothing when the same sync runs again", async () => {
    const before = await countStored();
    const run = await stack.waitForRun(await startSync("manual"), 90_000);
    expect(run.status).toBe("succeeded");
    expect(await countStored()).toEqual(before);
  }, 120_000);

  it("survives an executor crash mid-sync under 10 % server errors, with exact counts", async () => {
    await stack.db.deleteFrom("calls").execute();
    await stack.simulatorControl("faults", { errorRate: 0.1 });
    const runId = await startSync("backfill");
    // Killed once the first page is stored and before the last: a crash in the middle of the backfill.
    let before = await stack.db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    while (before.status !== "failed" && before.status !== "succeeded" && before.pages < 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      before = await stack.db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    }
    await stack.restartExecutor();
    expect({ status: before.status, midway: before.pages < Math.ceil(truth.callIds.length / 100) }).toEqual({ status: "running", midway: true });
    const run = await stack.waitForRun(runId, 120_000);
    await stack.simulatorControl("faults", { errorRate: 0 });
    expect(run.status).toBe("succeeded");
    expect(await countStored()).toEqual({ calls: truth.callIds.length, distinctCalls: truth.callIds.length, parties: truth.parties, sentences: truth.sentences });
  }, 150_000);

  it("absorbs Gong's server errors and 429 bursts, with exact counts", async () => {
    const { getTodaysApiUsage } = await import("@/db/queries/api-usage");
    await stack.db.deleteFrom("calls").execute();
    const before = await getTodaysApiUsage(stack.db, connectionId);
    // Gong's limit is per company: another integration bursting on the same budget makes our requests meet 429s.
    await stack.simulatorControl("faults", { errorRate: 0.2, rateLimit: 3 });
    // From the first request on, a burst every second spends the whole budget: what we send after it meets a 429.
    const burst = () => {
      for (let request = 0; request < 3; request++) {
        void fetch(`${stack.simulator.url}/v2/workspaces`, { headers: { authorization: `Basic ${Buffer.from("sim-access-key:sim-access-key-secret").toString("base64")}` } }).catch(() => undefined);
      }
    };
    const runId = await startSync("manual");
    burst();
    const neighbour = setInterval(burst, 1_000);
    const run = await stack.waitForRun(runId, 120_000).finally(() => clearInterval(neighbour));
    await stack.simulatorControl("faults", { errorRate: 0, rateLimit: 1000 });
    const after = await getTodaysApiUsage(stack.db, connectionId);
    expect(run.error ?? run.status).toBe("succeeded");
    expect(await countStored()).toEqual({ calls: truth.callIds.length, distinctCalls: truth.callIds.length, parties: truth.parties, sentences: truth.sentences });
    expect(after.failed - before.failed).toBeGreaterThan(0);
    expect(after.rate_limited - before.rate_limited).toBeGreaterThan(0);
  }, 150_000);

  it("fetches a transcript that Gong finishes late, without polling in a loop", async () => {
    const { inngest } = await import("@/inngest/client");
    const { gongCallSyncRequested } = await import("@/inngest/events");
    const created = (await stack.simulatorControl("calls", { transcriptDelaySeconds: 3 })) as { id: string };
    await inngest.send(gongCallSyncRequested.create({ connectionId, callGongId: created.id, explicit: false }));
    const deadline = Date.now() + 30_000;
    let status: string | undefined;
    while (Date.now() < deadline) {
      status = (await stack.db.selectFrom("calls").select("transcript_status").where("gong_id", "=", created.id).executeTakeFirst())?.transcript_status;
      if (status === "ready") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe("ready");
    const segments = await stack.db.selectFrom("transcript_segments").innerJoin("calls", "calls.id", "transcript_segments.call_id").select("position").where("calls.gong_id", "=", created.id).execute();
    expect(segments.length).toBeGreaterThan(0);
  }, 60_000);

  it("syncs the calls Gong announces together by webhook in one run: one request for the calls, one for their transcripts", async () => {
    const { inngest } = await import("@/inngest/client");
    const { gongWebhookCallReceived } = await import("@/inngest/events");
    const created: string[] = [];
    for (let index = 0; index < 5; index++) created.push(((await stack.simulatorControl("calls", {})) as { id: string }).id);
    // Only the requests that name these calls: the simulator's newest calls were stored with their transcripts still
    // pending by the backfills above, and their late-transcript checks (after 1, 2, 4, … 64 s) keep asking Gong for
    // transcripts of other calls throughout this file, so a count of every transcript request is sometimes one more.
    const asked: { route: string; callIds: string[] }[] = [];
    const restore = interceptGongRequests(stack.simulator.url, async ({ route, body }) => {
      const callIds = ((body?.filter as { callIds?: string[] } | undefined)?.callIds ?? []).filter((id) => created.includes(id));
      if (callIds.length > 0) asked.push({ route, callIds: [...callIds].sort() });
      return undefined;
    });
    try {
      // As the receiver sends them; Gong repeating a delivery repeats the event id, which syncs once.
      const announce = (id: string) => gongWebhookCallReceived.create({ connectionId, callGongId: id }, { id: `gong-call-${connectionId}-${id}` });
      await inngest.send([...created, created[0]!].map(announce));

      const ready = async () =>
        (await stack.db.selectFrom("calls").select("gong_id").where("gong_id", "in", created).where("transcript_status", "=", "ready").execute()).length;
      const deadline = Date.now() + 30_000;
      while ((await ready()) < created.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await ready()).toBe(created.length);
    } finally {
      restore();
    }
    const all = [...created].sort();
    expect(asked).toEqual([
      { route: "POST /v2/calls/extensive", callIds: all },
      { route: "POST /v2/calls/transcript", callIds: all },
    ]);
    const runs = await sql<{ events: number }>`
      select jsonb_array_length(events) as events from inngest_executor.runs where function_id like '%sync-webhook-calls'`.execute(stack.db);
    expect(runs.rows).toEqual([{ events: created.length }]);
  }, 60_000);

  it("skips deleted calls in later syncs unless an admin syncs them explicitly", async () => {
    const { deleteCallsByGongId } = await import("@/db/queries/deleted-calls");
    const victim = truth.callIds[0]!;
    await deleteCallsByGongId(stack.db, { organizationId: stack.organizationId, gongIds: [victim], userId: stack.adminId });
    // Each run must have succeeded, or "not re-imported" would pass for a run that failed before reaching the call.
    const later = await stack.waitForRun(await startSync("manual"), 90_000);
    expect(later.error ?? later.status).toBe("succeeded");
    expect(await stack.db.selectFrom("calls").select("id").where("gong_id", "=", victim).executeTakeFirst()).toBeUndefined();
    const explicit = await stack.waitForRun(await startSync("manual", { callGongIds: [victim] }), 30_000);
    expect(explicit.error ?? explicit.status).toBe("succeeded");
    expect(await stack.db.selectFrom("calls").select("gong_id").where("gong_id", "=", victim).executeTakeFirst()).toEqual({ gong_id: victim });
  }, 150_000);

  it("stops a running sync when the connection is revoked", async () => {
    const { disconnectGong } = await import("@/lib/gong-connection/disconnect-gong");
    const { inngest } = await import("@/inngest/client");
    const { gongConnectionRevoked } = await import("@/inngest/events");
    await stack.db.deleteFrom("calls").execute();
    await stack.simulatorControl("faults", { latencyMs: 300 });
    const runId = await startSync("manual");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await disconnectGong(stack.db, { organizationId: stack.organizationId, userId: stack.adminId, deleteData: false });
    await inngest.send(gongConnectionRevoked.create({ connectionId, organizationId: stack.organizationId, deleteData: false }));
    const run = await stack.waitForRun(runId, 30_000);
    expect(run.status).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = ((await stack.simulatorControl("stats")) as { totalRequests: number }).totalRequests;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(((await stack.simulatorControl("stats")) as { totalRequests: number }).totalRequests).toBe(before);
    expect((await countStored()).calls).toBeLessThan(truth.callIds.length);
    await stack.simulatorControl("faults", { latencyMs: 0 });
  }, 60_000);
});
