import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";
import { endUserSessions } from "./end-user-sessions";

let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

const sessionVersionOf = async (userId: string) =>
  (await database.db.selectFrom("users").select("session_version").where("id", "=", userId).executeTakeFirstOrThrow()).session_version;

describe("endUserSessions", () => {
  it("raises the user's session version, which ends the sessions issued at the old one", async () => {
    const userId = await seedUser(database.db, { organizationId: await seedOrganization(database.db, "Acme"), email: "rep@acme.test", name: "Rep", role: "rep" });
    const before = await sessionVersionOf(userId);
    expect(await endUserSessions(database.db, userId)).toBe(true);
    expect(await sessionVersionOf(userId)).toBeGreaterThan(before);
  });

  it("says false for a user who does not exist", async () => {
    expect(await endUserSessions(database.db, "6f1c3a52-0000-4000-8000-0000000000ff")).toBe(false);
  });
});
