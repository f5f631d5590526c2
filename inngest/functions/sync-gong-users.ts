import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { upsertGongUsers } from "@/db/queries/gong-users";
import { addSyncRunProgress } from "@/db/queries/sync-runs";
import { linkUsersByEmail } from "@/db/queries/user-gong-links";
import { inngest } from "@/inngest/client";
import { gongUsersSyncRequested } from "@/inngest/events";
import { listUsers } from "@/lib/gong/client";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevoke } from "./gong-function-options";

export const syncGongUsers = inngest.createFunction(
  {
    id: "sync-gong-users",
    retries: GONG_STEP_RETRIES,
    triggers: [gongUsersSyncRequested],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    cancelOn: cancelOnRevoke,
  },
  async ({ event, step }) => {
    const { connectionId, runId } = event.data;
    let cursor: string | null = null;
    let users = 0;
    for (let page = 1; ; page++) {
      const result: { nextCursor: string | null; count: number } = await step.run(`users-page-${page}`, () =>
        withGongErrors(db, connectionId, async () => {
          const connection = await getGongConnection(db, connectionId);
          if (!connection) return { nextCursor: null, count: 0 };
          const context = await createGongContext(db, getGongAppConfig(), connectionId);
          const { items, nextCursor } = await listUsers(context, { cursor: cursor ?? undefined });
          await upsertGongUsers(
            db,
            connection.organization_id,
            items.map((user) => ({
              gong_id: user.id,
              email: user.emailAddress,
              email_aliases: user.emailAliases,
              first_name: user.firstName,
              last_name: user.lastName,
              title: user.title,
              active: user.active ?? true,
              manager_gong_id: user.managerId,
            })),
          );
          if (runId) await addSyncRunProgress(db, runId, { users: items.length });
          return { nextCursor, count: items.length };
        }),
      );
      users += result.count;
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const linked = await step.run("link-by-email", async () => {
      const connection = await getGongConnection(db, connectionId);
      return connection ? linkUsersByEmail(db, connection.organization_id) : 0;
    });
    return { users, linked };
  },
);
