import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedGongUser, seedOrganization, seedUser } from "@/test-support/seed-calls";
import { linkUsersByEmail } from "./user-gong-links";

let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("linking an organization's users by email", () => {
  it("gives a Gong user to the app user with its primary email over one with its alias, and changes nothing when run again", async () => {
    const { db } = database;
    const organizationId = await seedOrganization(db, "Acme");
    // The alias holder has the lower id, so ordering by user alone would hand them the Gong user.
    const [annOld, ann] = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
    await db
      .insertInto("users")
      .values([
        { id: annOld, organization_id: organizationId, email: "ann.old@acme.test", name: "Ann (alias)", role: "rep", password_hash: "x" },
        { id: ann, organization_id: organizationId, email: "ann@acme.test", name: "Ann", role: "rep", password_hash: "x" },
      ])
      .execute();
    const gongAnn = await seedGongUser(db, { organizationId, gongId: "1", email: "ann@acme.test", emailAliases: ["ann.old@acme.test"] });
    const gongBen = await seedGongUser(db, { organizationId, gongId: "2", email: "Ben@Acme.test", emailAliases: ["b@acme.test"] });
    const ben = await seedUser(db, { organizationId, email: "b@acme.test", name: "Ben", role: "rep" });

    expect(await linkUsersByEmail(db, organizationId)).toBe(2);
    expect(await linkUsersByEmail(db, organizationId)).toBe(0);
    const links = await db.selectFrom("user_gong_links").select(["user_id", "gong_user_id", "source"]).orderBy("gong_user_id").execute();
    expect(links).toEqual(
      expect.arrayContaining([
        { user_id: ann, gong_user_id: gongAnn, source: "email" },
        { user_id: ben, gong_user_id: gongBen, source: "email" },
      ]),
    );
    expect(links).toHaveLength(2);
  });
});
