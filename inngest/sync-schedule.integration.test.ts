import { type RawBuilder, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncRun } from "@/db/schema";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

const HOUR_MS = 3600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
// Gong's newest calls ended hours ago, so no transcript is still pending and no late-transcript check of an old
// grant is still going when a reset makes the test connect again.
const gongNow = () => new Date(Date.now() - 6 * HOUR_MS);

let stack: SyncStack;
let connectionId: string;
/** Every call Gong holds at start-up with its start time, as a full sync stores it: the truth windows are cut from. */
let everyCall: { gong_id: string; started_at: Date }[];

const listStoredCalls = () => stack.db.selectFrom("calls").select(["gong_id", "started_at", "workspace_gong_id"]).orderBy("gong_id").execute();
const listScheduledRuns = () => stack.db.selectFrom("sync_runs").selectAll().where("kind", "=", "scheduled").execute();
const fromDateTimeOf = (run: SyncRun) => (run.params as { fromDateTime?: string | null }).fromDateTime;

async function listSchedulerRuns() {
  const { rows } = await sql<{ status: string; output: { started?: number } | null }>`
    select status, output from inngest_executor.runs where function_id like '%schedule-gong-syncs' order by created_at`.execute(stack.db);
  return rows;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fires the scheduler's cron `slots` times and returns the sync runs it started, once each has ended. */
async function runSchedule(slots = 1): Promise<SyncRun[]> {
  const known = new Set((await listScheduledRuns()).map((run) => run.id));
  const before = (await listSchedulerRuns()).length;
  for (let slot = 0; slot < slots; slot++) await stack.fireCron("schedule-gong-syncs");
  const schedulerRuns = await waitFor(listSchedulerRuns, (runs) => runs.slice(before).filter((run) => run.status !== "running" && run.status !== "queued").length === slots);
  expect(schedulerRuns.slice(before).map((run) => run.status)).toEqual(Array(slots).fill("completed"));
  const started = (await listScheduledRuns()).filter((run) => !known.has(run.id));
  return Promise.all(started.map((run) => stack.waitForRun(run.id)));
}

const updateConnection = (values: { sync_on_connect?: boolean; include_new_workspaces?: boolean; connected_at?: RawBuilder<Date> }) =>
  stack.db.updateTable("gong_connections").set(values).where("id", "=", connectionId).execute();

/** A watermark as the last full sync left it, `hours` ago. */
async function setWatermark(syncedThrough: RawBuilder<Date>, hours = 25) {
  await stack.db
    .insertInto("sync_watermarks")
    .values({ connection_id: connectionId, synced_through: syncedThrough, last_run_started_at: sql<Date>`now() - make_interval(hours => ${hours})` })
    .onConflict((conflict) => conflict.column("connection_id").doUpdateSet((eb) => ({ synced_through: eb.ref("excluded.synced_through"), last_run_started_at: eb.ref("excluded.last_run_started_at") })))
    .execute();
  return (await stack.db.selectFrom("sync_watermarks").select("synced_through").where("connection_id", "=", connectionId).executeTakeFirstOrThrow()).synced_through;
}

const idsStartedFrom = (from: Date) => everyCall.filter((call) => call.started_at >= from).map((call) => call.gong_id);

/** Gong with more workspaces than before, and calls over three days only; the reset forgets every token. */
async function resetGongWithWorkspaces(workspaces: number) {
  const to = gongNow();
  await stack.simulatorControl("reset", { workspaces, calls: 60, from: new Date(to.getTime() - 72 * HOUR_MS), to });
  connectionId = await stack.connect();
  await stack.db.deleteFrom("calls").execute();
  await setWatermark(sql<Date>`now() - interval '1 day'`);
}

async function findWorkspace(position: number) {
  const workspaces = (await stack.simulatorControl("company")) as { workspaces: { id: string }[] };
  const gongId = workspaces.workspaces[position]!.id;
  const stored = await stack.db.selectFrom("gong_workspaces").selectAll().where("gong_id", "=", gongId).executeTakeFirstOrThrow();
  const calls = await stack.db.selectFrom("calls").select("gong_id").where("workspace_gong_id", "=", gongId).orderBy("gong_id").execute();
  return { ...stored, calls: calls.map((call) => call.gong_id) };
}

beforeAll(async () => {
  stack = await startSyncStack({ simulator: { calls: 40, to: gongNow() } });
  connectionId = await stack.connect();
  expect((await stack.waitForRun(await stack.startSync(connectionId, "manual"))).status).toBe("succeeded");
  everyCall = await listStoredCalls();
  await stack.db.deleteFrom("calls").execute();
}, 120_000);
afterAll(() => stack?.stop());

describe("scheduled syncs", () => {
  it("leaves a connection that chose not to sync on connect alone for an interval, then syncs from a week before it connected", async () => {
    await updateConnection({ sync_on_connect: false });
    expect(await runSchedule()).toEqual([]);
    expect(await listStoredCalls()).toEqual([]);

    await updateConnection({ connected_at: sql<Date>`now() - interval '25 hours'` });
    const [run, ...others] = await runSchedule();
    expect(others).toEqual([]);
    expect(run?.status).toBe("succeeded");
    const { connected_at } = await stack.db.selectFrom("gong_connections").select("connected_at").where("id", "=", connectionId).executeTakeFirstOrThrow();
    const from = new Date(connected_at!.getTime() - WEEK_MS);
    expect(fromDateTimeOf(run!)).toBe(from.toISOString());
    expect((await listStoredCalls()).map((call) => call.gong_id)).toEqual(idsStartedFrom(from));
    // Older history exists in Gong and was left out, as the admin chose.
    expect(everyCall.some((call) => call.started_at < from)).toBe(true);
    await updateConnection({ sync_on_connect: true });
  }, 60_000);

  it("re-reads the week before the watermark and nothing older", async () => {
    await stack.db.deleteFrom("calls").execute();
    const syncedThrough = await setWatermark(sql<Date>`now() - interval '10 days'`);
    const [run] = await runSchedule();
    expect(run?.status).toBe("succeeded");
    const from = new Date(syncedThrough.getTime() - WEEK_MS);
    expect(fromDateTimeOf(run!)).toBe(from.toISOString());
    const stored = (await listStoredCalls()).map((call) => call.gong_id);
    expect(stored).toEqual(idsStartedFrom(from));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(everyCall.length);
  }, 60_000);

  it("fires each cron slot once and starts one sync for a connection however many slots find it due", async () => {
    await setWatermark(sql<Date>`now() - interval '1 day'`);
    // Creating a run is slow, as under load: the next slots fire while the first one is still creating it.
    await sql`create function slow_scheduled_run() returns trigger language plpgsql as $$ begin perform pg_sleep(1); return new; end $$`.execute(stack.db);
    await sql`create trigger slow_scheduled_run before insert on sync_runs for each row execute function slow_scheduled_run()`.execute(stack.db);
    try {
      const runs = await runSchedule(3);
      expect(runs.map((run) => [run.connection_id, run.status])).toEqual([[connectionId, "succeeded"]]);
      const slots = (await listSchedulerRuns()).slice(-3);
      expect(slots.map((slot) => slot.output?.started).sort()).toEqual([0, 0, 1]);
    } finally {
      await sql`drop trigger slow_scheduled_run on sync_runs`.execute(stack.db);
    }
  }, 60_000);

  it("flags a workspace new to Gong for the admin and leaves it out while new workspaces are not included", async () => {
    await resetGongWithWorkspaces(3);
    await updateConnection({ include_new_workspaces: false });
    const [run] = await runSchedule();
    expect(run?.status).toBe("succeeded");
    const [known, added] = [await findWorkspace(1), await findWorkspace(2)];
    expect([known.is_new, known.sync_enabled, known.calls.length > 0]).toEqual([false, true, true]);
    expect([added.is_new, added.sync_enabled, added.last_synced_at, added.calls]).toEqual([true, false, null, []]);
    // It had calls in the window all along: Sync now for it imports them.
    const manual = await stack.waitForRun(await stack.startSync(connectionId, "manual", { workspaceGongIds: [added.gong_id] }));
    expect(manual.status).toBe("succeeded");
    expect((await findWorkspace(2)).calls.length).toBeGreaterThan(0);
  }, 90_000);

  it("enables and syncs a workspace new to Gong when new workspaces are included automatically", async () => {
    await resetGongWithWorkspaces(4);
    await updateConnection({ include_new_workspaces: true });
    const [run] = await runSchedule();
    expect(run?.status).toBe("succeeded");
    const added = await findWorkspace(3);
    expect([added.is_new, added.sync_enabled, added.last_synced_at !== null]).toEqual([true, true, true]);
    expect(added.calls.length).toBeGreaterThan(0);
    // Exactly what Gong holds for it: a Sync now of the workspace adds nothing.
    await stack.waitForRun(await stack.startSync(connectionId, "manual", { workspaceGongIds: [added.gong_id] }));
    expect((await findWorkspace(3)).calls).toEqual(added.calls);
    // The workspace found new before stays out: including new workspaces applies to those found from now on.
    expect((await findWorkspace(2)).sync_enabled).toBe(false);
  }, 90_000);
});
