import type { Kysely } from "kysely";
import type { Database, Organization } from "@/db/schema";

export function getOrganization(db: Kysely<Database>, id: string): Promise<Organization | undefined> {
  return db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getOrganizationByName(db: Kysely<Database>, name: string): Promise<Organization | undefined> {
  return db.selectFrom("organizations").selectAll().where("name", "=", name).executeTakeFirst();
}

export function createOrganization(
  db: Kysely<Database>,
  organization: { name: string; external_id?: string | null },
): Promise<Organization> {
  return db.insertInto("organizations").values(organization).returningAll().executeTakeFirstOrThrow();
}

/** The organization with this name, created if missing (seeding and create-admin). */
export async function getOrCreateOrganization(db: Kysely<Database>, name: string): Promise<Organization> {
  return (await getOrganizationByName(db, name)) ?? createOrganization(db, { name });
}

/** Sets the id a platform integration knows the organization by (the API's customer_id); unique across organizations. */
export async function setOrganizationExternalId(db: Kysely<Database>, id: string, externalId: string | null): Promise<void> {
  await db.updateTable("organizations").set({ external_id: externalId, updated_at: new Date() }).where("id", "=", id).execute();
}

/** Turns "Managers see their team's calls" on or off; the value it had before, or undefined for no such organization. */
export async function setManagersSeeTeam(db: Kysely<Database>, id: string, enabled: boolean): Promise<boolean | undefined> {
  const before = await db.selectFrom("organizations").select("managers_see_team").where("id", "=", id).forUpdate().executeTakeFirst();
  if (!before) return undefined;
  await db.updateTable("organizations").set({ managers_see_team: enabled, updated_at: new Date() }).where("id", "=", id).execute();
  return before.managers_see_team;
}
