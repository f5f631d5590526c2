import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "@/db/queries/organizations";
import { createUser, getUser } from "@/db/queries/users";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { endSessionsOfUser } from "./end-sessions-of-user";

describe("endSessionsOfUser", () => {
  let database: MigratedTestDatabase;
  beforeAll(async () => {
    database = await createMigratedTestDatabase();
  });
  afterAll(() => database.drop());

  it("raises the user's session version and records who ended them, within the admin's organization only", async () => {
    const acme = await createOrganization(database.db, { name: "Acme" });
    const globex = await createOrganization(database.db, { name: "Globex" });
    const user = (email: string, organizationId: string) =>
      createUser(database.db, { organization_id: organizationId, email, name: email, role: "rep", password_hash: "x" });
    const admin = await user("admin@acme.test", acme.id);
    const rep = await user("rep@acme.test", acme.id);
    const outsider = await user("rep@globex.test", globex.id);

    await endSessionsOfUser(database.db, { organizationId: acme.id, actorUserId: admin.id, userId: rep.id });
    await endSessionsOfUser(database.db, { organizationId: acme.id, actorUserId: rep.id, userId: rep.id });
    expect((await getUser(database.db, rep.id))?.session_version).toBe(2);
    const audit = await database.db.selectFrom("audit_events").select(["actor_user_id", "action", "target", "details"]).orderBy("id").execute();
    expect(audit).toEqual([
      { actor_user_id: admin.id, action: "user.sessions_ended", target: "rep@acme.test", details: { self: false } },
      { actor_user_id: rep.id, action: "user.sessions_ended", target: "rep@acme.test", details: { self: true } },
    ]);

    await expect(endSessionsOfUser(database.db, { organizationId: acme.id, actorUserId: admin.id, userId: outsider.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await getUser(database.db, outsider.id))?.session_version).toBe(0);
  });
});
