import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";
import { verifyPassword } from "../auth/password";
import { inviteGongUser } from "./invite-gong-user";

let database: MigratedTestDatabase;
let organizationId: string;
let adminId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  organizationId = await seedOrganization(database.db, "Acme");
  adminId = await seedUser(database.db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
});
afterAll(async () => {
  await database?.drop();
});

const usersNamed = (email: string) => database.db.selectFrom("users").select(["id", "role", "password_hash", "password_change_required"]).where("email", "=", email).execute();

describe("inviting a Gong user", () => {
  it("creates a rep with a one-time password, linked to the Gong user, with both audit events", async () => {
    const gongUserId = await seedGongUser(database.db, { organizationId, gongId: "11", email: "Cy@Acme.test", firstName: "Cy", lastName: "Young" });
    const { user, oneTimePassword } = await inviteGongUser(database.db, { organizationId, actorUserId: adminId, gongUserId });
    const [stored] = await usersNamed("cy@acme.test");
    expect(stored).toMatchObject({ id: user.id, role: "rep", password_change_required: true });
    expect(await verifyPassword(oneTimePassword, stored!.password_hash)).toBe(true);
    const link = await database.db.selectFrom("user_gong_links").select(["gong_user_id", "source"]).where("user_id", "=", user.id).executeTakeFirst();
    expect(link).toEqual({ gong_user_id: gongUserId, source: "email" });
    const audit = await database.db.selectFrom("audit_events").select("action").where("target", "=", "cy@acme.test").orderBy("created_at").execute();
    expect(audit.map((event) => event.action)).toEqual(["user.created", "user.gong_linked"]);
  });

  it("creates nobody when the link cannot be made, for example because someone linked that Gong user meanwhile", async () => {
    const gongUserId = await seedGongUser(database.db, { organizationId, gongId: "12", email: "di@acme.test", firstName: "Di" });
    const other = await seedUser(database.db, { organizationId, email: "di.other@acme.test", name: "Di (other)", role: "rep" });
    await seedUserGongLink(database.db, { userId: other, organizationId, gongUserId, source: "manual" });
    await expect(inviteGongUser(database.db, { organizationId, actorUserId: adminId, gongUserId })).rejects.toMatchObject({ code: "conflict" });
    expect(await usersNamed("di@acme.test")).toEqual([]);
    expect(await database.db.selectFrom("audit_events").select("action").where("target", "=", "di@acme.test").execute()).toEqual([]);
  });

  it("refuses a Gong user without an email and one whose email already has an account", async () => {
    const noEmail = await seedGongUser(database.db, { organizationId, gongId: "13", email: null, firstName: "Ed" });
    await expect(inviteGongUser(database.db, { organizationId, actorUserId: adminId, gongUserId: noEmail })).rejects.toMatchObject({ code: "bad_request" });
    const taken = await seedGongUser(database.db, { organizationId, gongId: "14", email: "admin@acme.test" });
    await expect(inviteGongUser(database.db, { organizationId, actorUserId: adminId, gongUserId: taken })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("inviting the same Gong user twice at once", () => {
  it("creates one rep and tells the other admin why not", async () => {
    const gongUserId = await seedGongUser(database.db, { organizationId, gongId: "15", email: "fay@acme.test", firstName: "Fay" });
    const results = await Promise.allSettled([1, 2].map(() => inviteGongUser(database.db, { organizationId, actorUserId: adminId, gongUserId })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await usersNamed("fay@acme.test")).toHaveLength(1);
  });
});
