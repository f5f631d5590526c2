import { type Kysely, sql } from "kysely";
import type { Database, NewUser, Role, User } from "@/db/schema";

export type UserSummary = Pick<User, "id" | "organization_id" | "email" | "name" | "role" | "created_at" | "deactivated_at">;

const summaryColumns = ["id", "organization_id", "email", "name", "role", "created_at", "deactivated_at"] as const;

/** Every user with this email across organizations (emails are unique per organization only), oldest first. */
export function listUsersByEmail(db: Kysely<Database>, email: string): Promise<User[]> {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).orderBy("created_at").orderBy("id").execute();
}

export function getUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>, organizationId: string): Promise<UserSummary[]> {
  return db
    .selectFrom("users")
    .select(summaryColumns)
    .where("organization_id", "=", organizationId)
    .orderBy("role")
    .orderBy("name")
    .execute();
}

export async function createUser(db: Kysely<Database>, user: NewUser): Promise<UserSummary> {
  return db
    .insertInto("users")
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returning(summaryColumns)
    .executeTakeFirstOrThrow();
}

/** Insert-or-keep: used by seeding so running it twice changes nothing. */
export async function upsertSeedUser(
  db: Kysely<Database>,
  user: { organization_id: string; email: string; name: string; role: Role; password_hash: string },
): Promise<void> {
  await db
    .insertInto("users")
    .values(user)
    .onConflict((conflict) => conflict.columns(["organization_id", "email"]).doNothing())
    .execute();
}

const nextSessionVersion = sql<number>`session_version + 1`;

/** Sets a new password and raises the session version, which ends the sessions issued before; returns the new version. */
export async function updateUserPassword(db: Kysely<Database>, id: string, passwordHash: string): Promise<number> {
  const { session_version } = await db
    .updateTable("users")
    .set({ password_hash: passwordHash, password_change_required: false, session_version: nextSessionVersion, updated_at: new Date() })
    .where("id", "=", id)
    .returning("session_version")
    .executeTakeFirstOrThrow();
  return session_version;
}

/** Raises the session version, which ends the sessions issued before; the new version, or undefined for no such user. */
export async function raiseSessionVersion(db: Kysely<Database>, id: string): Promise<number | undefined> {
  const row = await db
    .updateTable("users")
    .set({ session_version: nextSessionVersion, updated_at: new Date() })
    .where("id", "=", id)
    .returning("session_version")
    .executeTakeFirst();
  return row?.session_version;
}

export async function isEmailTaken(db: Kysely<Database>, organizationId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks the organization's active admins for the rest of the transaction and returns their ids: a change that could
 * leave the organization without one (demote, deactivate, remove) counts them under this lock, so two admins demoting
 * each other at once cannot both succeed.
 */
export async function lockActiveAdmins(db: Kysely<Database>, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("role", "=", "admin")
    .where("deactivated_at", "is", null)
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** The user, locked for the rest of the transaction, when they belong to the organization. */
export function getUserForUpdate(db: Kysely<Database>, organizationId: string, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).where("organization_id", "=", organizationId).forUpdate().executeTakeFirst();
}

/** Deactivates (and ends every session of) the user, or reactivates them; their data is untouched either way. */
export async function setUserDeactivated(db: Kysely<Database>, id: string, deactivated: boolean): Promise<void> {
  await db
    .updateTable("users")
    .set(deactivated ? { deactivated_at: new Date(), session_version: nextSessionVersion, updated_at: new Date() } : { deactivated_at: null, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function setUserRole(db: Kysely<Database>, id: string, role: Role): Promise<void> {
  await db.updateTable("users").set({ role, updated_at: new Date() }).where("id", "=", id).execute();
}

export async function setUserName(db: Kysely<Database>, id: string, name: string): Promise<void> {
  await db.updateTable("users").set({ name, updated_at: new Date() }).where("id", "=", id).execute();
}

/** Replaces the password with a one-time one the user must change at next sign-in, ending every session. */
export async function setOneTimePassword(db: Kysely<Database>, id: string, passwordHash: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, password_change_required: true, session_version: nextSessionVersion, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Deletes the account; what it owned cascades or keeps a null author, as the foreign keys say. */
export async function deleteUser(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("users").where("id", "=", id).execute();
}
