import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGongUsers } from "@/db/queries/gong-users";
import { runInTransaction } from "@/db/queries/run-in-transaction";
import type { Role } from "@/db/schema";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";
import { createUserWithOneTimePassword } from "./create-user-with-one-time-password";

let database: MigratedTestDatabase;
let organizationId: string;
let adminId: string;

const gongUser = (gongId: string, email: string | null, emailAliases: string[] = []) => ({
  gong_id: gongId,
  email,
  email_aliases: emailAliases,
  first_name: null,
  last_name: null,
  title: null,
  active: true,
  manager_gong_id: null,
});

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  organizationId = await seedOrganization(database.db, "Acme");
  adminId = await seedUser(database.db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
  // As a Gong user sync stores them, from Gong's mixed-case addresses.
  await upsertGongUsers(database.db, organizationId, [
    gongUser("1", "Ada.Lovelace@Acme.TEST"),
    gongUser("2", "bo@acme.test", ["Bo.Alias@Acme-Old.test"]),
    gongUser("3", null, ["cy@acme.test"]),
    gongUser("4", "cy@acme.test"),
    gongUser("5", "di@acme.test"),
  ]);
});

afterAll(async () => {
  await database?.drop();
});

const add = (email: string, role: Role = "rep") =>
  createUserWithOneTimePassword(database.db, { organizationId, actorUserId: adminId, email, name: email, role });

async function getLinkedGongId(userId: string) {
  const row = await database.db
    .selectFrom("user_gong_links")
    .leftJoin("gong_users", "gong_users.id", "user_gong_links.gong_user_id")
    .select(["gong_users.gong_id", "user_gong_links.source"])
    .where("user_gong_links.user_id", "=", userId)
    .executeTakeFirst();
  return row && [row.gong_id, row.source];
}

describe("a user created after a Gong user sync", () => {
  it("is linked at creation by Gong's primary email, in any case", async () => {
    const { user } = await add("ADA.lovelace@acme.test");
    expect(await getLinkedGongId(user.id)).toEqual(["1", "email"]);
  });

  it("is linked at creation by one of Gong's email aliases, in any case", async () => {
    const { user } = await add("bo.alias@ACME-old.test", "admin");
    expect(await getLinkedGongId(user.id)).toEqual(["2", "email"]);
  });

  it("is linked to the Gong user whose primary email matches rather than one with it as an alias", async () => {
    const { user } = await add("cy@acme.test");
    expect(await getLinkedGongId(user.id)).toEqual(["4", "email"]);
  });

  it("matches Gong users stored before emails were lower-cased", async () => {
    await seedGongUser(database.db, { organizationId, gongId: "6", email: "Eve@Acme.Test" });
    const { user } = await add("eve@acme.test");
    expect(await getLinkedGongId(user.id)).toEqual(["6", "email"]);
  });

  it("leaves a Gong user an admin linked to someone else with them", async () => {
    const di = await database.db.selectFrom("gong_users").select("id").where("gong_id", "=", "5").executeTakeFirstOrThrow();
    const other = await seedUser(database.db, { organizationId, email: "di.old@acme.test", name: "Di (old)", role: "rep" });
    await seedUserGongLink(database.db, { userId: other, organizationId, gongUserId: di.id, source: "manual" });
    const { user } = await add("di@acme.test");
    expect(await getLinkedGongId(user.id)).toBeUndefined();
    expect(await getLinkedGongId(other)).toEqual(["5", "manual"]);
  });

  it("is left unlinked, for a later sync, when no Gong user has the email", async () => {
    const { user } = await add("fay@acme.test");
    expect(await getLinkedGongId(user.id)).toBeUndefined();
  });

  it("is linked in the caller's transaction, so a rollback takes the link away with the user", async () => {
    await upsertGongUsers(database.db, organizationId, [gongUser("7", "gus@acme.test")]);
    const created = runInTransaction(database.db, async (trx) => {
      const { user } = await createUserWithOneTimePassword(trx, { organizationId, actorUserId: adminId, email: "gus@acme.test", name: "Gus", role: "rep" });
      expect(await trx.selectFrom("user_gong_links").select("source").where("user_id", "=", user.id).executeTakeFirst()).toEqual({ source: "email" });
      throw new Error("a later step failed");
    });
    await expect(created).rejects.toThrow("a later step failed");
    const gus = await database.db.selectFrom("gong_users").leftJoin("user_gong_links", "user_gong_links.gong_user_id", "gong_users.id").select("user_gong_links.user_id").where("gong_id", "=", "7").executeTakeFirstOrThrow();
    expect(gus.user_id).toBeNull();
  });
});
