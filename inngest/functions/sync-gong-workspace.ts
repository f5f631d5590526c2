import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { markWorkspaceSynced } from "@/db/queries/gong-workspaces";
import { addSyncRunProgress } from "@/db/queries/sync-runs";
import { inngest } from "@/inngest/client";
import { gongWorkspaceSyncRequested } from "@/inngest/events";
import { sendPageEvents } from "@/inngest/send-page-events";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { syncCallPage } from "@/lib/sync/sync-call-page";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevoke } from "./gong-function-options";

/**
 * Pages one workspace's calls over a date window. Each page is one step that stores its records and returns
 * the next cursor, so after a crash the run resumes at the page it was on and no finished page runs again.
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
    const filter = { workspaceId: workspaceGongId, fromDateTime: fromDateTime ?? undefined, toDateTime: toDateTime ?? undefined };
    let cursor: string | null = null;
    let calls = 0;
    for (let page = 1; ; page++) {
      const result = await step.run(`sync-page-${page}`, () =>
        withGongErrors(db, connectionId, async () => {
          const stored = await syncCallPage(db, getGongAppConfig(), { connectionId, runId, filter, cursor, explicit: false });
          await sendPageEvents(connectionId, `${runId}-${workspaceGongId}-${page}`, stored);
          // Step output stays tiny: the cursor and a count, never the records.
          return { nextCursor: stored.nextCursor, calls: stored.calls };
        }),
      );
      calls += result.calls;
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    await step.run("mark-workspace-synced", async () => {
      const connection = await getGongConnection(db, connectionId);
      if (connection) await markWorkspaceSynced(db, connection.organization_id, workspaceGongId);
      await addSyncRunProgress(db, runId, { workspaces_done: 1 });
    });
    return { calls };
  },
);
