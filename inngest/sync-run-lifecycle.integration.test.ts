import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncRun } from "@/db/schema";
import { GONE_WORKFLOW_ERROR, STALLED_ERROR, SYNC_RUN_STALL_HOURS } from "@/lib/sync/fail-orphaned-sync-runs";
import { interceptGongRequests } from "@/test-support/gong-fetch-interceptor";
import { seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

let stack: SyncStack;
let connectionId: string;

const listRuns = (kind: SyncRun["kind"]) => stack.db.selectFrom("sync_runs").selectAll().where("kind", "=", kind).orderBy("created_at").execute();

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const isTerminal = (run: SyncRun) => ["succeeded", "failed", "cancelled"].includes(run.status);

// A connection that never synced is due a day after connecting.
const connectDayAgo = (...ids: string[]) =>
  stack.db.updateTable("gong_connections").set({ connected_at: sql<Date>`now() - interval '25 hours'` }).where("id", "in", ids).execute();

type ExecutorRun = { id: string; status: string; output: unknown };

const listExecutorRuns = async (functionSlug: string) =>
  (await sql<ExecutorRun>`select id, status, output from inngest_executor.runs where function_id like ${`%${functionSlug}`} order by created_at, id`.execute(stack.db)).rows;

/** Fires the scheduler once and waits for that run of it to complete. */
async function runScheduler(): Promise<void> {
  const before = (await listExecutorRuns("schedule-gong-syncs")).length;
  await stack.fireCron("schedule-gong-syncs");
  const runs = await waitFor(() => listExecutorRuns("schedule-gong-syncs"), (rows) => rows.length > before && rows.slice(before).every((run) => run.status !== "running" && run.status !== "queued"));
  expect(runs.slice(before).map((run) => run.status)).toEqual(["completed"]);
}

/** A sync run left `running` `quietHours` ago by the Inngest run `workflowRunId`. */
const insertRunningRun = (kind: SyncRun["kind"], workflowRunId: string, quietHours: number) =>
  stack.db
    .insertInto("sync_runs")
    .values({
      organization_id: stack.organizationId,
      connection_id: connectionId,
      kind,
      status: "running",
      workflow_run_id: workflowRunId,
      created_at: sql<Date>`now() - make_interval(hours => ${quietHours + 1})`,
      started_at: sql<Date>`now() - make_interval(hours => ${quietHours + 1})`,
      updated_at: sql<Date>`now() - make_interval(hours => ${quietHours})`,
    })
    .returning("id")
    .executeTakeFirstOrThrow()
    .then((row) => row.id);

const getRun = (id: string) => stack.db.selectFrom("sync_runs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

// A run id in Inngest's format that this executor never had, as after a move to another Inngest.
const UNKNOWN_WORKFLOW_RUN = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

beforeAll(async () => {
  stack = await startSyncStack({ simulator: { calls: 30 } });
  connectionId = await stack.connect();
}, 120_000);
afterAll(() => stack?.stop());

describe("every sync run ends", () => {
  it("fails a run left queued long ago, so the schedule starts a new one", async () => {
    await connectDayAgo(connectionId);
    const stale = await stack.db
      .insertInto("sync_runs")
      .values({ organization_id: stack.organizationId, connection_id: connectionId, kind: "scheduled", created_at: sql<Date>`now() - interval '3 hours'` })
      .returning("id")
      .executeTakeFirstOrThrow();
    await stack.fireCron("schedule-gong-syncs");
    const runs = await waitFor(() => listRuns("scheduled"), (rows) => rows.length === 2 && rows.every(isTerminal));
    expect(runs.map((run) => [run.id === stale.id ? "stale" : "new", run.status])).toEqual([
      ["stale", "failed"],
      ["new", "succeeded"],
    ]);
  }, 60_000);

  it("fails a running sync whose workflow Inngest no longer has, so the schedule starts a new one", async () => {
    await stack.db.deleteFrom("sync_runs").execute();
    await stack.db.deleteFrom("sync_watermarks").execute();
    await connectDayAgo(connectionId);
    const orphan = await insertRunningRun("backfill", UNKNOWN_WORKFLOW_RUN, 2);
    await runScheduler();
    expect(await getRun(orphan)).toMatchObject({ status: "failed", error: GONE_WORKFLOW_ERROR });
    const [scheduled, ...others] = await waitFor(() => listRuns("scheduled"), (rows) => rows.length === 1 && rows.every(isTerminal));
    expect(others).toEqual([]);
    expect(scheduled?.status).toBe("succeeded");
  }, 60_000);

  it(`leaves a quiet running sync alone while its workflow is there, and fails it after ${SYNC_RUN_STALL_HOURS} h without progress`, async () => {
    await stack.db.deleteFrom("sync_runs").execute();
    await stack.db.deleteFrom("sync_watermarks").execute();
    await connectDayAgo(connectionId);
    // Its workflow is a run the executor has (waiting out a retry, say); and a run that made progress a moment ago.
    const [live] = await listExecutorRuns("schedule-gong-syncs");
    const waiting = await insertRunningRun("backfill", live!.id, 2);
    const busy = await insertRunningRun("manual", UNKNOWN_WORKFLOW_RUN, 0);
    await runScheduler();
    expect([(await getRun(waiting)).status, (await getRun(busy)).status]).toEqual(["running", "running"]);
    // The running backfill holds the connection's scheduled sync back.
    expect(await listRuns("scheduled")).toEqual([]);

    await stack.db.updateTable("sync_runs").set({ updated_at: sql<Date>`now() - make_interval(hours => ${SYNC_RUN_STALL_HOURS + 1})` }).where("id", "=", waiting).execute();
    await runScheduler();
    expect(await getRun(waiting)).toMatchObject({ status: "failed", error: STALLED_ERROR });
    expect((await getRun(busy)).status).toBe("running");
    const scheduled = await waitFor(() => listRuns("scheduled"), (rows) => rows.length === 1 && rows.every(isTerminal));
    expect(scheduled.map((run) => run.status)).toEqual(["succeeded"]);
  }, 60_000);

  it("creates each scheduled run once when the scheduler's step is retried, and every one of them ends", async () => {
    await stack.db.deleteFrom("sync_runs").execute();
    await stack.db.deleteFrom("sync_watermarks").execute();
    const otherOrganization = await seedOrganization(stack.db, "Globex");
    const otherConnection = await seedConnection(stack.db, otherOrganization);
    await connectDayAgo(connectionId, otherConnection);
    // The first run inserted for the other connection fails, as a dropped database connection would. A sequence
    // counts the attempts because it is not rolled back with the failed insert.
    await sql`create sequence injected_failure_attempts`.execute(stack.db);
    await sql`
      create function fail_first_scheduled_run() returns trigger language plpgsql as $$
      begin
        if new.connection_id = ${sql.lit(otherConnection)}::uuid and nextval('injected_failure_attempts') = 1 then
          raise exception 'injected failure';
        end if;
        return new;
      end $$`.execute(stack.db);
    await sql`create trigger fail_first_scheduled_run before insert on sync_runs for each row execute function fail_first_scheduled_run()`.execute(stack.db);
    try {
      await stack.fireCron("schedule-gong-syncs");
      await waitFor(async () => (await sql<{ is_called: boolean }>`select is_called from injected_failure_attempts`.execute(stack.db)).rows[0]?.is_called, Boolean);
      const runs = await waitFor(() => listRuns("scheduled"), (rows) => rows.length >= 2 && rows.every(isTerminal));
      expect(runs.map((run) => run.connection_id).sort()).toEqual([connectionId, otherConnection].sort());
      expect(runs.filter((run) => !isTerminal(run))).toEqual([]);
    } finally {
      await sql`drop trigger fail_first_scheduled_run on sync_runs`.execute(stack.db);
      await stack.db.deleteFrom("gong_connections").where("id", "=", otherConnection).execute();
    }
  }, 60_000);

  it("ends a single-call run when the connection can no longer reach Gong", async () => {
    const { createSyncRun } = await import("@/db/queries/sync-runs");
    const { inngest } = await import("@/inngest/client");
    const { gongCallSyncRequested } = await import("@/inngest/events");
    await stack.db.updateTable("gong_connections").set({ status: "needs_reauth" }).where("id", "=", connectionId).execute();
    try {
      const runId = await createSyncRun(stack.db, { organizationId: stack.organizationId, connectionId, kind: "resync" });
      await inngest.send(gongCallSyncRequested.create({ connectionId, callGongId: "1234", explicit: true, runId }));
      const run = await stack.waitForRun(runId, 20_000);
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/re-authoriz|reconnect/i);
    } finally {
      await stack.db.updateTable("gong_connections").set({ status: "connected" }).where("id", "=", connectionId).execute();
    }
  }, 30_000);

  it.each(["needs_reauth", "revoked"] as const)("ends a batch of webhook calls without an error or a request to Gong when the connection is %s", async (status) => {
    const { inngest } = await import("@/inngest/client");
    const { gongWebhookCallReceived } = await import("@/inngest/events");
    const requestsBefore = ((await stack.simulatorControl("stats")) as { totalRequests: number }).totalRequests;
    const before = (await listExecutorRuns("sync-webhook-calls")).length;
    await stack.db.updateTable("gong_connections").set({ status }).where("id", "=", connectionId).execute();
    try {
      await inngest.send(["8100000000000000001", "8100000000000000002"].map((callGongId) => gongWebhookCallReceived.create({ connectionId, callGongId })));
      const runs = await waitFor(() => listExecutorRuns("sync-webhook-calls"), (rows) => rows.length > before && rows.slice(before).every((run) => run.status !== "running" && run.status !== "queued"));
      expect(runs.slice(before).map((run) => [run.status, run.output])).toEqual([["completed", { skipped: "the connection is not connected", calls: 2 }]]);
      expect(((await stack.simulatorControl("stats")) as { totalRequests: number }).totalRequests).toBe(requestsBefore);
    } finally {
      await stack.db.updateTable("gong_connections").set({ status: "connected" }).where("id", "=", connectionId).execute();
    }
  }, 30_000);

  it("ends a batch of webhook calls without an error when Gong is disconnected while its calls are being fetched", async () => {
    const { inngest } = await import("@/inngest/client");
    const { gongWebhookCallReceived } = await import("@/inngest/events");
    const { disconnectGong } = await import("@/lib/gong-connection/disconnect-gong");
    const created: string[] = [];
    for (let index = 0; index < 2; index++) created.push(((await stack.simulatorControl("calls", {})) as { id: string }).id);
    const before = (await listExecutorRuns("sync-webhook-calls")).length;
    let disconnected = false;
    // The admin disconnects after Gong was asked for the calls and before their transcripts are.
    const restore = interceptGongRequests(stack.simulator.url, async ({ route }) => {
      if (route === "POST /v2/calls/extensive" && !disconnected) {
        disconnected = true;
        await disconnectGong(stack.db, { organizationId: stack.organizationId, userId: stack.adminId, deleteData: false });
      }
      return undefined;
    });
    try {
      await inngest.send(created.map((callGongId) => gongWebhookCallReceived.create({ connectionId, callGongId })));
      const runs = await waitFor(() => listExecutorRuns("sync-webhook-calls"), (rows) => rows.length > before && rows.slice(before).every((run) => run.status !== "running" && run.status !== "queued"));
      expect(disconnected).toBe(true);
      expect(runs.slice(before).map((run) => [run.status, run.output])).toEqual([["completed", { skipped: "the connection is not connected", calls: 2 }]]);
      expect(await stack.db.selectFrom("calls").select("gong_id").where("gong_id", "in", created).execute()).toEqual([]);
    } finally {
      restore();
      await stack.connect();
    }
  }, 30_000);

  it("purges a disconnected organization in batches, never in one long transaction", async () => {
    const { inngest } = await import("@/inngest/client");
    const { gongConnectionRevoked } = await import("@/inngest/events");
    await sql`
      insert into calls (organization_id, connection_id, gong_id, started_at)
      select ${stack.organizationId}, ${connectionId}, 'seeded-' || n, now() from generate_series(1, 1200) as n`.execute(stack.db);
    const stored = Number((await sql<{ n: string }>`select count(*) as n from calls`.execute(stack.db)).rows[0]?.n);
    await sql`create table purge_transactions (txid bigint, calls int)`.execute(stack.db);
    await sql`
      create function record_purge_transaction() returns trigger language plpgsql as $$
      begin
        insert into purge_transactions select txid_current(), count(*) from deleted_rows;
        return null;
      end $$`.execute(stack.db);
    await sql`
      create trigger record_purge_transaction after delete on calls referencing old table as deleted_rows
      for each statement execute function record_purge_transaction()`.execute(stack.db);
    await inngest.send(gongConnectionRevoked.create({ connectionId, organizationId: stack.organizationId, deleteData: true }));
    const [purge] = await waitFor(() => listRuns("purge"), (rows) => rows.length === 1 && isTerminal(rows[0]!));
    expect(purge?.status).toBe("succeeded");
    expect(purge?.calls).toBe(stored);
    expect(Number((await sql<{ n: string }>`select count(*) as n from calls`.execute(stack.db)).rows[0]?.n)).toBe(0);
    const largest = await sql<{ calls: number }>`select coalesce(max(total), 0)::int as calls from (select sum(calls) as total from purge_transactions group by txid) t`.execute(stack.db);
    expect(largest.rows[0]?.calls).toBeGreaterThan(0);
    expect(largest.rows[0]?.calls).toBeLessThanOrEqual(500);
  }, 60_000);
});
