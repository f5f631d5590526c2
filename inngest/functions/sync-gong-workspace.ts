import { NonRetriableError } from "inngest";
import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { markWorkspaceSynced } from "@/db/queries/gong-workspaces";
import { recordSyncRunProgress } from "@/db/queries/sync-run-progress";
import { inngest } from "@/inngest/client";
import { type WorkspaceResume, gongWorkspaceSyncRequested } from "@/inngest/events";
import { sendPageEvents } from "@/inngest/send-page-events";
import { getEnv } from "@/lib/env";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { fetchLateTranscripts } from "@/lib/sync/fetch-late-transcripts";
import { MAX_CURSOR_RESTARTS } from "@/lib/sync/rejected-cursor";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevokeOrRunCancelled } from "./gong-function-options";

/**
 * Writing a page's sentences takes longer than Gong's rate lets its two requests come, so up to this many
 * pages' transcripts are fetched and written while the next pages are read: the pacer, not the database, sets
 * the pace.
 */
export const TRANSCRIPT_STEPS_IN_FLIGHT = 3;

/**
 * Pages one workspace's calls (or, without the workspaces scope, the whole company's) over a date window. Each
 * page is one step that stores its calls and parties and returns the next cursor, so after a crash the run
 * resumes at the page it was on and no finished page runs again; each page's transcripts (one request for its
 * 100 calls) are a step of their own, running beside the next pages. A cursor Gong no longer accepts restarts
 * the window. After SYNC_PAGES_PER_RUN pages a fresh run of this function takes the window on from where this one
 * stopped, invoked by this one, which returns once the rest of the window is done: sync-gong-calls invokes each
 * window once, so no run's steps grow with the window's size (Inngest caps a run at 1,000 steps).
 */
export const syncGongWorkspace = inngest.createFunction(
  {
    id: "sync-gong-workspace",
    retries: GONG_STEP_RETRIES,
    triggers: [gongWorkspaceSyncRequested],
    // Concurrency counts executing steps: three workspaces of a connection, each with a page step and its
    // transcript steps in flight. The Postgres pacer, not this limit, keeps them under Gong's 3 requests/s.
    concurrency: { key: "event.data.connectionId", limit: 3 * (1 + TRANSCRIPT_STEPS_IN_FLIGHT) },
    cancelOn: cancelOnRevokeOrRunCancelled,
  },
  async ({ event, step }): Promise<{ calls: number; resume: WorkspaceResume | null }> => {
    const { connectionId, runId, workspaceGongId, fromDateTime, toDateTime, resume } = event.data;
    const filter = { workspaceId: workspaceGongId ?? undefined, fromDateTime: fromDateTime ?? undefined, toDateTime: toDateTime ?? undefined };
    const window = workspaceGongId ?? "all";
    const transcriptSteps: Promise<unknown>[] = [];
    const fetchTranscriptsOf = (stepNumber: number, pageKey: string, callGongIds: string[]) =>
      step.run(`transcripts-${stepNumber}`, () =>
        withGongErrors(db, connectionId, async () => {
          const result = await fetchLateTranscripts(db, getGongAppConfig(), { connectionId, callGongIds, progress: { runId, key: `${pageKey}-transcripts` } });
          await sendPageEvents({ connectionId, runId, pageKey }, { pendingGongIds: result.remaining });
          return { transcripts: result.stored.length, pending: result.remaining.length };
        }),
      );
    let cursor: string | null = resume?.cursor ?? null;
    let calls = 0;
    let restarts = resume?.restarts ?? 0;
    // Pages up to here were counted into the run by an earlier pass over the window. Read again after a restart,
    // they are stored again (idempotently) but not counted, and their transcripts stay with the late-transcript
    // checks their first reading started; counting them again would count those transcripts twice.
    let countedThrough = resume?.countedThrough ?? 0;
    let handOver: WorkspaceResume | null = null;
    // Every new step replays the run's finished ones, so a run's cost grows with the square of its steps (and
    // Inngest caps them at 1,000): after this many pages a fresh run continues.
    const maxPages = getEnv().SYNC_PAGES_PER_RUN;
    // `stepNumber` names the steps and only grows; `position` is the page within the current pass over the window,
    // and keys its progress.
    for (let stepNumber = 1, position = resume?.position ?? 1; ; stepNumber++, position++) {
      const pageKey = `${window}-${position}`;
      const pageCursor = cursor;
      const counted = position > countedThrough;
      const result = await step.run(`sync-page-${stepNumber}`, () =>
        withGongErrors(db, connectionId, async () => {
          const stored = await syncCallPage(db, getGongAppConfig(), {
            connectionId, progress: counted ? { runId, key: pageKey } : undefined, filter, cursor: pageCursor, explicit: false, transcripts: "later",
          });
          // Step output stays small: the cursor, a count and the ids whose transcripts the next step fetches.
          return { nextCursor: stored.nextCursor, calls: stored.calls, cursorExpired: stored.cursorExpired, pendingGongIds: stored.pendingGongIds };
        }),
      );
      if (result.cursorExpired) {
        if (++restarts > MAX_CURSOR_RESTARTS) throw new NonRetriableError(`Gong kept rejecting the cursor for ${window}; sync the workspace again.`);
        cursor = null;
        position = 0;
        calls = 0;
        continue;
      }
      if (counted) countedThrough = position;
      if (counted && result.pendingGongIds.length > 0) {
        const transcripts = fetchTranscriptsOf(stepNumber, pageKey, result.pendingGongIds);
        // Awaited below; until then a failure must not count as an unhandled rejection of the app's process.
        transcripts.catch(() => undefined);
        transcriptSteps.push(transcripts);
      }
      if (transcriptSteps.length >= TRANSCRIPT_STEPS_IN_FLIGHT) await transcriptSteps.shift();
      calls += result.calls;
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
      if (stepNumber >= maxPages) {
        handOver = { cursor, position: position + 1, restarts, countedThrough };
        break;
      }
    }
    await Promise.all(transcriptSteps);
    if (handOver) {
      // `resume` stays null in what this run returns: the runs after it finish the window before it returns.
      const rest = await step.invoke("next-part", { function: syncGongWorkspace, data: { connectionId, runId, workspaceGongId, fromDateTime, toDateTime, resume: handOver } });
      return { calls: calls + rest.calls, resume: null };
    }
    await step.run("mark-workspace-synced", async () => {
      const connection = await getGongConnection(db, connectionId);
      if (connection && workspaceGongId) await markWorkspaceSynced(db, connection.organization_id, workspaceGongId);
      await recordSyncRunProgress(db, runId, `${window}-done`, { workspaces_done: 1 });
    });
    return { calls, resume: null };
  },
);
