import { NonRetriableError } from "inngest";
import { db } from "@/db";
import { getGongConnection } from "@/db/queries/gong-connections";
import { upsertGongUsers } from "@/db/queries/gong-users";
import { recordSyncRunProgress } from "@/db/queries/sync-run-progress";
import { linkUsersByEmail } from "@/db/queries/user-gong-links";
import { inngest } from "@/inngest/client";
import { type UsersResume, gongUsersSyncRequested } from "@/inngest/events";
import { getEnv } from "@/lib/env";
import { listUsers } from "@/lib/gong/client";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { isRejectedCursor, MAX_CURSOR_RESTARTS } from "@/lib/sync/rejected-cursor";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevokeOrRunCancelled } from "./gong-function-options";

type UsersPage = { nextCursor: string | null; count: number; skipped?: "scope missing"; cursorExpired?: boolean };

type UsersResult = { users: number; linked: number; skipped?: "scope missing" };

/**
 * Pages Gong's users and links app users to them by email; skipped when api:users:read was not granted. After
 * SYNC_PAGES_PER_RUN pages a fresh run of this function goes on from the cursor, invoked by this one, which returns
 * once the rest is done: the caller invokes it once, and no run's steps grow with the company's size.
 */
export const syncGongUsers = inngest.createFunction(
  {
    id: "sync-gong-users",
    retries: GONG_STEP_RETRIES,
    triggers: [gongUsersSyncRequested],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    cancelOn: cancelOnRevokeOrRunCancelled,
  },
  async ({ event, step }): Promise<UsersResult> => {
    const { connectionId, runId, resume } = event.data;
    let cursor: string | null = resume?.cursor ?? null;
    let users = 0;
    let restarts = resume?.restarts ?? 0;
    let handOver: UsersResume | null = null;
    const maxPages = getEnv().SYNC_PAGES_PER_RUN;
    // `page` names the steps and only grows; `position` is the page within the current pass, and keys its progress.
    for (let page = 1, position = resume?.position ?? 1; ; page++, position++) {
      const pageCursor = cursor;
      const result: UsersPage = await step.run(`users-page-${page}`, () =>
        withGongErrors(db, connectionId, () => syncUsersPage(connectionId, pageCursor, runId ? { runId, key: `users-${position}` } : undefined)),
      );
      if (result.skipped) return { users: 0, linked: 0, skipped: result.skipped };
      if (result.cursorExpired) {
        if (++restarts > MAX_CURSOR_RESTARTS) throw new NonRetriableError("Gong kept rejecting the users cursor; sync again.");
        [cursor, position, users] = [null, 0, 0];
        continue;
      }
      users += result.count;
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
      if (page >= maxPages) {
        handOver = { cursor, position: position + 1, restarts };
        break;
      }
    }
    if (handOver) {
      const rest = await step.invoke("next-part", { function: syncGongUsers, data: { connectionId, runId, resume: handOver } });
      return { ...rest, users: users + rest.users };
    }
    const linked = await step.run("link-by-email", async () => {
      const connection = await getGongConnection(db, connectionId);
      return connection ? linkUsersByEmail(db, connection.organization_id) : 0;
    });
    return { users, linked };
  },
);

async function syncUsersPage(connectionId: string, cursor: string | null, progress?: { runId: string; key: string }): Promise<UsersPage> {
  const connection = await getGongConnection(db, connectionId);
  if (!connection) return { nextCursor: null, count: 0 };
  if (!connection.granted_scopes.includes("api:users:read")) return { nextCursor: null, count: 0, skipped: "scope missing" };
  const context = await createGongContext(db, getGongAppConfig(), connectionId);
  const page = await listUsers(context, { cursor: cursor ?? undefined }).catch((error: unknown) => {
    if (isRejectedCursor(error, cursor)) return null;
    throw error;
  });
  if (!page) return { nextCursor: null, count: 0, cursorExpired: true };
  await db.transaction().execute(async (trx) => {
    await upsertGongUsers(
      trx,
      connection.organization_id,
      page.items.map((user) => ({
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
    if (progress) await recordSyncRunProgress(trx, progress.runId, progress.key, { users: page.items.length });
  });
  return { nextCursor: page.nextCursor, count: page.items.length };
}
