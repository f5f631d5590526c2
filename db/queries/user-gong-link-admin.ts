import { type Kysely, sql } from "kysely";
import type { Database, LinkSource, Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createAuditEvent } from "./audit-events";
import { computeReportingLines } from "./reporting-lines";
import { runInTransaction } from "./run-in-transaction";

export type DirectoryUser = { id: string; name: string; email: string; role: Role };
export type DirectoryGongUser = {
  id: string;
  gongId: string;
  name: string;
  email: string | null;
  active: boolean;
  /** Their manager's name in Gong, when the manager is a Gong user of the organization. */
  managerName: string | null;
  /** How many people report to them in Gong, at any depth. */
  teamSize: number;
};

export type UserGongDirectory = {
  linked: { user: DirectoryUser; gongUser: DirectoryGongUser; source: LinkSource }[];
  appOnly: { user: DirectoryUser; unlinkedByAdmin: boolean }[];
  gongOnly: DirectoryGongUser[];
};

const gongName = (row: { first_name: string | null; last_name: string | null; email: string | null; gong_id: string }) =>
  [row.first_name, row.last_name].filter(Boolean).join(" ") || row.email || `Gong user ${row.gong_id}`;

/** Every app user and every Gong user of an organization, in three groups: linked, app-only, Gong-only. */
export async function listUserGongDirectory(db: Kysely<Database>, organizationId: string): Promise<UserGongDirectory> {
  const [users, gongUsers, links] = await Promise.all([
    db.selectFrom("users").select(["id", "name", "email", "role"]).where("organization_id", "=", organizationId).orderBy("name").execute(),
    db
      .selectFrom("gong_users")
      .select(["id", "gong_id", "first_name", "last_name", "email", "active", "manager_gong_id"])
      .where("organization_id", "=", organizationId)
      .orderBy("first_name")
      .orderBy("last_name")
      .execute(),
    db.selectFrom("user_gong_links").select(["user_id", "gong_user_id", "source"]).where("organization_id", "=", organizationId).execute(),
  ]);
  const lines = computeReportingLines(gongUsers.map((row) => ({ gongId: row.gong_id, managerGongId: row.manager_gong_id })));
  const nameByGongId = new Map(gongUsers.map((row) => [row.gong_id, gongName(row)]));
  const gongById = new Map(
    gongUsers.map((row) => {
      const line = lines.get(row.gong_id);
      const managerName = line?.managerGongId ? (nameByGongId.get(line.managerGongId) ?? null) : null;
      return [row.id, { id: row.id, gongId: row.gong_id, name: gongName(row), email: row.email, active: row.active, managerName, teamSize: line?.teamSize ?? 0 }];
    }),
  );
  const linkByUser = new Map(links.map((link) => [link.user_id, link]));
  const linkedGongIds = new Set(links.flatMap((link) => (link.gong_user_id ? [link.gong_user_id] : [])));
  const directory: UserGongDirectory = { linked: [], appOnly: [], gongOnly: [] };
  for (const user of users) {
    const link = linkByUser.get(user.id);
    const gongUser = link?.gong_user_id ? gongById.get(link.gong_user_id) : undefined;
    if (link && gongUser) directory.linked.push({ user, gongUser, source: link.source });
    else directory.appOnly.push({ user, unlinkedByAdmin: !!link && link.source === "manual" });
  }
  directory.gongOnly = [...gongById.values()].filter((gongUser) => !linkedGongIds.has(gongUser.id));
  return directory;
}

type LinkInput = { organizationId: string; userId: string; gongUserId: string; actorUserId: string | null; source?: LinkSource };

/**
 * Links an app user to a Gong user chosen by an admin (replacing any earlier link), with an audit event. Given a
 * transaction, it is a step of the caller's: a conflict then undoes what the caller wrote before it.
 */
export async function linkUserToGongUser(db: Kysely<Database>, input: LinkInput): Promise<void> {
  await runInTransaction(db, async (trx) => {
    const [user, gongUser] = await Promise.all([
      trx.selectFrom("users").select("email").where("id", "=", input.userId).where("organization_id", "=", input.organizationId).executeTakeFirst(),
      trx.selectFrom("gong_users").select(["gong_id", "email"]).where("id", "=", input.gongUserId).where("organization_id", "=", input.organizationId).executeTakeFirst(),
    ]);
    if (!user || !gongUser) throw new AppError("not_found", "That user or Gong user no longer exists.");
    const taken = await trx.selectFrom("user_gong_links").select("user_id").where("gong_user_id", "=", input.gongUserId).where("user_id", "!=", input.userId).executeTakeFirst();
    if (taken) throw new AppError("conflict", "That Gong user is already linked to someone else. Unlink them first.");
    await trx
      .insertInto("user_gong_links")
      .values({ user_id: input.userId, organization_id: input.organizationId, gong_user_id: input.gongUserId, source: input.source ?? "manual", created_at: sql`now()` })
      .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ gong_user_id: input.gongUserId, source: input.source ?? "manual", created_at: sql`now()` }))
      .execute();
    await createAuditEvent(trx, {
      organizationId: input.organizationId,
      actorUserId: input.actorUserId,
      action: "user.gong_linked",
      target: user.email,
      details: { gongUserId: gongUser.gong_id, gongEmail: gongUser.email, source: input.source ?? "manual" },
    });
  });
}

/** Unlinks an app user; the row stays with no Gong user and source "manual" so email matching leaves it alone. */
export async function unlinkUserFromGong(db: Kysely<Database>, input: { organizationId: string; userId: string; actorUserId: string | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select("email").where("id", "=", input.userId).where("organization_id", "=", input.organizationId).executeTakeFirst();
    if (!user) throw new AppError("not_found", "That user no longer exists.");
    await trx
      .insertInto("user_gong_links")
      .values({ user_id: input.userId, organization_id: input.organizationId, gong_user_id: null, source: "manual" })
      .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ gong_user_id: null, source: "manual", created_at: sql`now()` }))
      .execute();
    await createAuditEvent(trx, { organizationId: input.organizationId, actorUserId: input.actorUserId, action: "user.gong_unlinked", target: user.email });
  });
}

export function getGongUserForInvite(db: Kysely<Database>, organizationId: string, gongUserId: string) {
  return db
    .selectFrom("gong_users")
    .select(["id", "gong_id", "email", "first_name", "last_name"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", gongUserId)
    .executeTakeFirst();
}
