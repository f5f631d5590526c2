import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedGongUser, seedOrganization, seedUser } from "@/test-support/seed-calls";
import { linkUserToGongUser, listUserGongDirectory, unlinkUserFromGong } from "./user-gong-link-admin";
import { linkUsersByEmail } from "./user-gong-links";

let database: MigratedTestDatabase;
let organizationId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const { db } = database;
  organizationId = await seedOrganization(db, "Acme");
  ids.admin = await seedUser(db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
  ids.ada = await seedUser(db, { organizationId, email: "ada@acme.test", name: "Ada", role: "rep" });
  ids.bo = await seedUser(db, { organizationId, email: "bo@acme.test", name: "Bo", role: "rep" });
  ids.gAda = await seedGongUser(db, { organizationId, gongId: "1", email: "ada@acme.test", firstName: "Ada", lastName: "L" });
  ids.gCy = await seedGongUser(db, { organizationId, gongId: "2", email: "cy@acme.test", firstName: "Cy" });
  await linkUsersByEmail(db, organizationId);
});

afterAll(async () => {
  await database?.drop();
});

describe("users and Gong links", () => {
  it("groups app users and Gong users", async () => {
    const directory = await listUserGongDirectory(database.db, organizationId);
    expect(directory.linked.map((row) => [row.user.name, row.gongUser.name, row.source])).toEqual([["Ada", "Ada L", "email"]]);
    expect(directory.appOnly.map((row) => row.user.name)).toEqual(["Admin", "Bo"]);
    expect(directory.gongOnly.map((row) => row.name)).toEqual(["Cy"]);
  });

  it("links by hand, refuses a Gong user linked to someone else, and audits", async () => {
    await linkUserToGongUser(database.db, { organizationId, userId: ids.bo!, gongUserId: ids.gCy!, actorUserId: ids.admin! });
    await expect(linkUserToGongUser(database.db, { organizationId, userId: ids.admin!, gongUserId: ids.gCy!, actorUserId: ids.admin! })).rejects.toMatchObject({ code: "conflict" });
    const directory = await listUserGongDirectory(database.db, organizationId);
    expect(directory.linked.find((row) => row.user.name === "Bo")?.source).toBe("manual");
    const audit = await database.db.selectFrom("audit_events").select(["action", "target"]).where("action", "=", "user.gong_linked").execute();
    expect(audit).toEqual([{ action: "user.gong_linked", target: "bo@acme.test" }]);
  });

  it("remembers a manual unlink so email matching does not link again", async () => {
    await unlinkUserFromGong(database.db, { organizationId, userId: ids.ada!, actorUserId: ids.admin! });
    await linkUsersByEmail(database.db, organizationId);
    const directory = await listUserGongDirectory(database.db, organizationId);
    expect(directory.appOnly.find((row) => row.user.name === "Ada")).toEqual(expect.objectContaining({ unlinkedByAdmin: true }));
    expect(directory.gongOnly.map((row) => row.name)).toContain("Ada L");
  });
});
