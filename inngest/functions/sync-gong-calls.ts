import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { finishSyncRun, getSyncRun, markSyncRunRunning, setSyncRunWorkspacesTotal } from "@/db/queries/sync-runs";
import { upsertSyncWatermark } from "@/db/queries/sync-watermarks";
import { inngest } from "@/inngest/client";
import { type WorkspaceResume, gongCallsSyncRequested, gongSyncRunEnded } from "@/inngest/events";
import { sendPageEvents, sendStoredCallEvents } from "@/inngest/send-page-events";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { discoverWorkspaces } from "@/lib/sync/discover-workspaces";
import { retryQuarantinedCalls } from "@/lib/sync/retry-quarantined-calls";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevokeOrRunCancelled } from "./gong-function-options";
import { syncGongUsers } from "./sync-gong-users";
import { syncGongWorkspace } from "./sync-gong-workspace";

/**
 * One sync run: users (for full and scheduled syncs, when granted), workspace discovery, each target workspace
 * over the window, and chosen calls by id. Backfill, scheduled and manual syncs all come through here.
 */
export const syncGongCalls = inngest.createFunction(
  {
    id: "sync-gong-calls",
    retries: GONG_STEP_RETRIES,
    triggers: [gongCallsSyncRequested],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    cancelOn: cancelOnRevokeOrRunCancelled,
    onFailure: async ({ event, error }) => {
      const { connectionId, runId } = event.data.event.data;
      await finishSyncRun(db, runId, "failed", error.message);
      // What was stored before the failure gets its insights all the same.
      await inngest.send(gongSyncRunEnded.create({ connectionId, runId }));
    },
  },
  async ({ event, step, runId: workflowRunId }) => {
    const { connectionId, runId, workspaceGongIds, callGongIds, fromDateTime = null, toDateTime = null } = event.data;
    const run = await step.run("start", async () => {
      if (!(await markSyncRunRunning(db, runId, workflowRunId))) return null;
      const [stored, connection] = await Promise.all([getSyncRun(db, runId), getGongConnection(db, connectionId)]);
      return {
        kind: stored?.kind ?? "manual",
        startedAt: new Date(stored?.started_at ?? Date.now()).toISOString(),
        canReadUsers: connection?.granted_scopes.includes("api:users:read") ?? false,
      };
    });
    if (!run) return { skipped: "the run already ended" };
    const full = run.kind === "backfill" || run.kind === "scheduled";
    // Without api:users:read reps stay unlinked (the connection page says so); the calls still sync. Users sync
    // beside the workspaces (links are by email, and speaker names come from the calls' own parties).
    const users = full && run.canReadUsers ? step.invoke("sync-users", { function: syncGongUsers, data: { connectionId, runId } }) : null;
    users?.catch(() => undefined); // awaited below, with the workspaces

    const wantsWorkspaces = workspaceGongIds !== undefined || callGongIds === undefined;
    const targets = wantsWorkspaces
      ? await step.run("discover-workspaces", () =>
          withGongErrors(db, connectionId, async () => {
            const { targets } = await discoverWorkspaces(db, getGongAppConfig(), { connectionId, requested: workspaceGongIds });
            await setSyncRunWorkspacesTotal(db, runId, targets.length);
            return targets;
          }),
        )
      : [];
    // A workspace's window is paged by a chain of runs, each taking up to SYNC_PAGES_PER_RUN pages and invoking
    // the next, so the first answers for the whole window. Runs deployed before that answered for their own pages
    // and returned where they stopped; the loop invokes the next part for them as it did then.
    const syncWorkspace = async (workspaceGongId: string | null) => {
      let resume: WorkspaceResume | null = null;
      for (let part = 1; ; part++) {
        // The first part keeps the id it had before windows were chained, so runs in flight across a deploy replay it.
        const stepId = `workspace-${workspaceGongId ?? "all"}${part > 1 ? `-${part}` : ""}`;
        const result: { resume?: WorkspaceResume | null } = await step.invoke(stepId, {
          function: syncGongWorkspace,
          data: { connectionId, runId, workspaceGongId, fromDateTime, toDateTime, resume },
        });
        if (!result.resume) return;
        resume = result.resume;
      }
    };
    await Promise.all([users, ...targets.map(syncWorkspace)]);

    if (callGongIds?.length) {
      const page = await step.run("calls-by-id", () =>
        withGongErrors(db, connectionId, () =>
          syncCallPage(db, getGongAppConfig(), { connectionId, progress: { runId, key: "calls-by-id" }, filter: { callIds: callGongIds }, explicit: true }),
        ),
      );
      await sendStoredCallEvents(step, { connectionId, runId, pendingStepId: "pending-transcripts" }, page);
    }

    // Calls an earlier sync quarantined get another go (this run's own were just met).
    await step.run("retry-quarantined", () =>
      withGongErrors(db, connectionId, async () => {
        const retry = await retryQuarantinedCalls(db, getGongAppConfig(), { connectionId, runId, runStartedAt: new Date(run.startedAt) });
        await sendPageEvents({ connectionId, runId, pageKey: "quarantine-retry" }, retry);
        return { retried: retry.retried, calls: retry.calls, quarantined: retry.quarantined };
      }),
    );

    await step.run("finish", async () => {
      if (full) {
        const startedAt = new Date(run.startedAt);
        await upsertSyncWatermark(db, connectionId, { syncedThrough: toDateTime ? new Date(toDateTime) : startedAt, runStartedAt: startedAt });
      }
      await finishSyncRun(db, runId, "succeeded");
    });
    await step.sendEvent("announce-run-ended", gongSyncRunEnded.create({ connectionId, runId }));
    return { workspaces: targets.length };
  },
);
