import { db } from "@/db";
import { addSyncRunProgress, finishSyncRun, getSyncRun, markSyncRunRunning } from "@/db/queries/sync-runs";
import { upsertSyncWatermark } from "@/db/queries/sync-watermarks";
import { inngest } from "@/inngest/client";
import { gongCallSynced, gongCallsSyncRequested, gongTranscriptsPending } from "@/inngest/events";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { discoverWorkspaces } from "@/lib/sync/discover-workspaces";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevoke } from "./gong-function-options";
import { syncGongUsers } from "./sync-gong-users";
import { syncGongWorkspace } from "./sync-gong-workspace";

/**
 * One sync run: users (for full and scheduled syncs), workspace discovery, each target workspace over the
 * window, and chosen calls by id. Backfill, scheduled and manual syncs all come through here.
 */
export const syncGongCalls = inngest.createFunction(
  {
    id: "sync-gong-calls",
    retries: GONG_STEP_RETRIES,
    triggers: [gongCallsSyncRequested],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    cancelOn: cancelOnRevoke,
    onFailure: async ({ event, error }) => {
      await finishSyncRun(db, event.data.event.data.runId, "failed", error.message);
    },
  },
  async ({ event, step }) => {
    const { connectionId, runId, workspaceGongIds, callGongIds, fromDateTime = null, toDateTime = null } = event.data;
    const run = await step.run("start", async () => {
      await markSyncRunRunning(db, runId);
      const stored = await getSyncRun(db, runId);
      return { kind: stored?.kind ?? "manual", startedAt: new Date(stored?.started_at ?? Date.now()).toISOString() };
    });
    const full = run.kind === "backfill" || run.kind === "scheduled";
    if (full) await step.invoke("sync-users", { function: syncGongUsers, data: { connectionId, runId } });

    const wantsWorkspaces = workspaceGongIds !== undefined || callGongIds === undefined;
    const targets = wantsWorkspaces
      ? await step.run("discover-workspaces", () =>
          withGongErrors(db, connectionId, async () => {
            const { targets } = await discoverWorkspaces(db, getGongAppConfig(), { connectionId, requested: workspaceGongIds });
            await addSyncRunProgress(db, runId, { workspaces_total: targets.length });
            return targets;
          }),
        )
      : [];
    await Promise.all(
      targets.map((workspaceGongId) =>
        step.invoke(`workspace-${workspaceGongId}`, {
          function: syncGongWorkspace,
          data: { connectionId, runId, workspaceGongId, fromDateTime, toDateTime },
        }),
      ),
    );

    if (callGongIds?.length) {
      const page = await step.run("calls-by-id", () =>
        withGongErrors(db, connectionId, () =>
          syncCallPage(db, getGongAppConfig(), { connectionId, runId, filter: { callIds: callGongIds }, explicit: true }),
        ),
      );
      if (page.pendingGongIds.length > 0) {
        await step.sendEvent("pending-transcripts", gongTranscriptsPending.create({ connectionId, callGongIds: page.pendingGongIds }));
      }
      if (page.callIds.length > 0) await step.sendEvent("insights", page.callIds.map((callId) => gongCallSynced.create({ callId })));
    }

    await step.run("finish", async () => {
      if (full) {
        const startedAt = new Date(run.startedAt);
        await upsertSyncWatermark(db, connectionId, { syncedThrough: toDateTime ? new Date(toDateTime) : startedAt, runStartedAt: startedAt });
      }
      await finishSyncRun(db, runId, "succeeded");
    });
    return { workspaces: targets.length };
  },
);
