import { NonRetriableError } from "inngest";
import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { markWorkspaceSynced } from "@/db/queries/gong-workspaces";
import { recordSyncRunProgress } from "@/db/queries/sync-run-progress";
import { inngest } from "@/inngest/client";
import { gongWorkspaceSyncRequested } from "@/inngest/events";
import { sendPageEvents } from "@/inngest/send-page-events";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { MAX_CURSOR_RESTARTS } from "@/lib/sync/rejected-cursor";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevoke } from "./gong-function-options";

/**
 * Pages one workspace's calls (or, without the workspaces scope, the whole company's) over a date window. Each
 * page is one step that stores its records and returns the next cursor, so after a crash the run resumes at the
 * page it was on and no finished page runs again. A cursor Gong no longer accepts restarts the window.
 */
export const syncGongWorkspace = inngest.createFunction(
  {
    id: "sync-gong-workspace",
    retries: GONG_STEP_RETRIES,
    triggers: [gongWorkspaceSyncRequested],
    // Workspaces of one connection page side by side; the Postgres pacer keeps them under Gong's 3 requests/s.
    concurrency: { key: "event.data.connectionId", limit: 3 },
    cancelOn: cancelOnRevoke,
  },
  async ({ event, step }) => {
    const { connectionId, runId, workspaceGongId, fromDateTime, toDateTime } = event.data;
    const filter = { workspaceId: workspaceGongId ?? undefined, fromDateTime: fromDateTime ?? undefined, toDateTime: toDateTime ?? undefined };
    const window = workspaceGongId ?? "all";
    let cursor: string | null = null;
    let calls = 0;
    let restarts = 0;
    // `stepNumber` names the steps and only grows; `position` is the page within the current pass over the window,
    // so a restarted pass records its pages under the same progress keys as the pass it replaces.
    for (let stepNumber = 1, position = 1; ; stepNumber++, position++) {
      const pageKey = `${window}-${position}`;
      const pageCursor = cursor;
      const result = await step.run(`sync-page-${stepNumber}`, () =>
        withGongErrors(db, connectionId, async () => {
          const stored = await syncCallPage(db, getGongAppConfig(), { connectionId, progress: { runId, key: pageKey }, filter, cursor: pageCursor, explicit: false });
          if (!stored.cursorExpired) await sendPageEvents({ connectionId, runId, pageKey }, stored);
          // Step output stays tiny: the cursor and a count, never the records.
          return { nextCursor: stored.nextCursor, calls: stored.calls, cursorExpired: stored.cursorExpired };
        }),
      );
      if (result.cursorExpired) {
        if (++restarts > MAX_CURSOR_RESTARTS) throw new NonRetriableError(`Gong kept rejecting the cursor for ${window}; sync the workspace again.`);
        cursor = null;
        position = 0;
        calls = 0;
        continue;
      }
      calls += result.calls;
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    await step.run("mark-workspace-synced", async () => {
      const connection = await getGongConnection(db, connectionId);
      if (connection && workspaceGongId) await markWorkspaceSynced(db, connection.organization_id, workspaceGongId);
      await recordSyncRunProgress(db, runId, `${window}-done`, { workspaces_done: 1 });
    });
    return { calls };
  },
);
