import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { interceptGongRequests, paginateTranscripts } from "@/test-support/gong-fetch-interceptor";
import { type GongTruth, readGongTruth } from "@/test-support/gong-truth";
import { MAX_CURSOR_RESTARTS } from "@/lib/sync/rejected-cursor";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

let stack: SyncStack;
let connectionId: string;
let truth: GongTruth;
let restore: (() => void) | undefined;

async function countStored() {
  const count = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(stack.db)).rows[0]?.n);
  return {
    calls: await count(sql`select count(*) as n from calls`),
    sentences: await count(sql`select count(*) as n from transcript_segments`),
  };
}

const startSync = (extra: Record<string, unknown> = {}) => stack.startSync(connectionId, "manual", extra);

beforeAll(async () => {
  // Two pages a run: transcripts of one page are fetched beside the next, and the window hands over between runs.
  stack = await startSyncStack({ simulator: { calls: 260 }, env: { SYNC_PAGES_PER_RUN: "2" } });
  truth = await readGongTruth(stack.simulator.url);
  connectionId = await stack.connect();
}, 120_000);
afterEach(async () => {
  restore?.();
  restore = undefined;
  await stack.simulatorControl("config", { cursorTtlSeconds: 3600 });
});
afterAll(() => stack?.stop());

describe("one page of calls", () => {
  it("follows calls/transcript's cursor to every transcript of the page", async () => {
    restore = paginateTranscripts(stack.simulator.url, 30);
    const run = await stack.waitForRun(await startSync(), 90_000);
    expect(run.error ?? run.status).toBe("succeeded");
    expect(await countStored()).toEqual({ calls: truth.callIds.length, sentences: truth.sentences });
  }, 120_000);

  it("counts a page once when its step runs again after it was stored", async () => {
    const { syncCallPage } = await import("@/lib/sync/sync-call-page");
    const { getGongAppConfig } = await import("@/lib/gong-connection/config");
    const { db } = await import("@/db");
    const { createSyncRun } = await import("@/db/queries/sync-runs");
    const runId = await createSyncRun(stack.db, { organizationId: stack.organizationId, connectionId, kind: "manual" });
    const page = { connectionId, progress: { runId, key: "all-1" }, filter: {}, explicit: false };
    const first = await syncCallPage(db, getGongAppConfig(), page);
    await syncCallPage(db, getGongAppConfig(), page);
    const run = await stack.db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    expect({ pages: run.pages, calls: run.calls, callsTotal: run.calls_total, transcripts: run.transcripts }).toEqual({
      pages: 1,
      calls: first.calls,
      callsTotal: truth.callIds.length,
      transcripts: first.calls - first.pendingGongIds.length,
    });
  }, 60_000);

  it("does not bring back a call deleted while its page was being fetched", async () => {
    const { deleteCallsByGongId } = await import("@/db/queries/deleted-calls");
    const victim = truth.callIds[5]!;
    let deleted = false;
    // The admin deletes the call after Gong listed it on a page and before that page is written.
    restore = interceptGongRequests(stack.simulator.url, async ({ route, forward }) => {
      if (route !== "POST /v2/calls/extensive" || deleted) return undefined;
      const response = await forward();
      const page = (await response.clone().json()) as { calls?: { metaData: { id: string } }[] };
      if (page.calls?.some((call) => call.metaData.id === victim)) {
        deleted = true;
        await deleteCallsByGongId(stack.db, { organizationId: stack.organizationId, gongIds: [victim], userId: stack.adminId });
      }
      return response;
    });
    const run = await stack.waitForRun(await startSync(), 90_000);
    expect(run.error ?? run.status).toBe("succeeded");
    expect(deleted).toBe(true);
    expect(await stack.db.selectFrom("calls").select("id").where("gong_id", "=", victim).executeTakeFirst()).toBeUndefined();
    await stack.db.deleteFrom("deleted_calls").execute();
  }, 120_000);

  it("starts a workspace's window again when a resumed cursor has expired, counting each call once", async () => {
    await stack.db.deleteFrom("calls").execute();
    await stack.simulatorControl("config", { cursorTtlSeconds: 3 });
    let delayed = false;
    restore = interceptGongRequests(stack.simulator.url, async ({ route, body }) => {
      if (route === "POST /v2/calls/extensive" && body?.cursor && !delayed) {
        delayed = true;
        // As if this page's step were retried long after the previous page handed out its cursor.
        await new Promise((resolve) => setTimeout(resolve, 3_200));
      }
      return undefined;
    });
    const run = await stack.waitForRun(await startSync(), 90_000);
    expect(delayed).toBe(true);
    expect(run.error ?? run.status).toBe("succeeded");
    expect(await countStored()).toEqual({ calls: truth.callIds.length, sentences: truth.sentences });
    expect(run.calls).toBe(truth.callIds.length);
    expect(run.calls_total).toBe(truth.callIds.length);
    // Pages read again after the restart are not counted again: the run's transcript counts still match the
    // calls' states (one statement, so a late check committing in between cannot split the reading).
    const { rows } = await sql<{ transcripts: number; pending: number; ready: string; still_pending: string }>`
      select r.transcripts, r.transcripts_pending as pending,
        (select count(*) from calls where transcript_status = 'ready') as ready,
        (select count(*) from calls where transcript_status = 'pending') as still_pending
      from sync_runs r where r.id = ${run.id}`.execute(stack.db);
    const counts = rows[0]!;
    expect({ transcripts: counts.transcripts, pending: counts.pending }).toEqual({ transcripts: Number(counts.ready), pending: Number(counts.still_pending) });
    expect(counts.transcripts).toBeGreaterThan(0);
  }, 120_000);

  it("gives up on a window whose cursors Gong keeps rejecting, across the runs that page it", async () => {
    let rejected = 0;
    restore = interceptGongRequests(stack.simulator.url, async ({ route, body }) => {
      if (route !== "POST /v2/calls/extensive" || !body?.cursor) return undefined;
      rejected += 1;
      return Response.json({ requestId: "test-rejected-cursor", errors: ["cursor is invalid or has expired"] }, { status: 400 });
    });
    const run = await stack.waitForRun(await startSync(), 90_000);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/kept rejecting the cursor/);
    expect(rejected).toBe(MAX_CURSOR_RESTARTS + 1);
  }, 120_000);

  it("counts a late transcript into its run: pending goes down as transcripts arrive", async () => {
    const { createSyncRun } = await import("@/db/queries/sync-runs");
    const { inngest } = await import("@/inngest/client");
    const { gongCallSyncRequested } = await import("@/inngest/events");
    const created = (await stack.simulatorControl("calls", { transcriptDelaySeconds: 3 })) as { id: string };
    const runId = await createSyncRun(stack.db, { organizationId: stack.organizationId, connectionId, kind: "resync" });
    await inngest.send(gongCallSyncRequested.create({ connectionId, callGongId: created.id, explicit: true, runId }));
    const finished = await stack.waitForRun(runId, 30_000);
    expect({ pending: finished.transcripts_pending, transcripts: finished.transcripts }).toEqual({ pending: 1, transcripts: 0 });
    const deadline = Date.now() + 30_000;
    let run = finished;
    while (Date.now() < deadline && run.transcripts_pending > 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = await stack.db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    }
    expect({ pending: run.transcripts_pending, transcripts: run.transcripts }).toEqual({ pending: 0, transcripts: 1 });
  }, 60_000);
});
