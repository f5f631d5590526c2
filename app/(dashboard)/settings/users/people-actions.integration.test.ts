import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/db/schema";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";

// Only the session cookie is faked (who is signed in, at which session version); reading that user, their role and
// their session version from the database is real.
const session = vi.hoisted(() => ({ userId: null as string | null, version: 0 }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId, sessionVersion: session.version } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const PASSWORD = "a-long-enough-password";
const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
let database: MigratedTestDatabase;
let passwordHash: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  // What experimental.authInterrupts in next.config.ts sets, so forbidden() answers 403 instead of throwing a setup error.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

beforeEach(() => {
  session.userId = null;
  session.version = 0;
});

const actions = () => import("./people-actions");
const signInAs = (userId: string) => {
  session.userId = userId;
  session.version = 0;
};
const signInWithPassword = (email: string, password = PASSWORD) =>
  authenticateWithPassword(database.db, { email, password, client: { key: `ip:${email}`, shared: false }, deviceToken: undefined, secret: SECRET });
const readUser = (id: string) => database.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
const auditOf = (organizationId: string) =>
  database.db.selectFrom("audit_events").select(["actor_user_id", "action", "target", "details"]).where("organization_id", "=", organizationId).orderBy("created_at").orderBy("id").execute();

/** A fresh organization with two admins (the first signed in) and a rep, all with PASSWORD. */
async function organization(name = "Acme") {
  const organizationId = await seedOrganization(database.db, name);
  const add = (role: Role, who: string) =>
    seedUser(database.db, { organizationId, email: `${who}@${organizationId}.test`, name: who, role, passwordHash });
  const adminId = await add("admin", "ada");
  const otherAdminId = await add("admin", "bea");
  const repId = await add("rep", "cyd");
  signInAs(adminId);
  return { organizationId, adminId, otherAdminId, repId, repEmail: `cyd@${organizationId}.test` };
}

describe("deactivating and reactivating", () => {
  it("refuses sign-in, ends the user's sessions and keeps their data; reactivating lets them back in", async () => {
    const { organizationId, adminId, repId, repEmail } = await organization();
    await seedConnection(database.db, organizationId);
    const gongUserId = await seedGongUser(database.db, { organizationId, gongId: "9001", email: repEmail, firstName: "Cyd", lastName: "Rep" });
    await seedUserGongLink(database.db, { userId: repId, organizationId, gongUserId });
    expect((await signInWithPassword(repEmail)).ok).toBe(true);

    expect(await (await actions()).deactivateUserAction({ userId: repId })).toEqual({ ok: true, name: "cyd" });
    const deactivated = await readUser(repId);
    expect(deactivated?.deactivated_at).toBeInstanceOf(Date);
    expect(deactivated?.session_version).toBe(1);
    expect(await signInWithPassword(repEmail)).toEqual({ ok: false, reason: "invalid_credentials" });
    // The rep's session, issued at version 0, no longer opens anything.
    signInAs(repId);
    await expect((await actions()).deactivateUserAction({ userId: adminId })).rejects.toMatchObject({ digest: expect.stringContaining("/sign-in") });
    // Their Gong link stays.
    expect(await database.db.selectFrom("user_gong_links").select("gong_user_id").where("user_id", "=", repId).executeTakeFirst()).toEqual({ gong_user_id: gongUserId });

    signInAs(adminId);
    expect(await (await actions()).reactivateUserAction({ userId: repId })).toEqual({ ok: true, name: "cyd" });
    expect((await readUser(repId))?.deactivated_at).toBeNull();
    expect((await signInWithPassword(repEmail)).ok).toBe(true);
    expect((await auditOf(organizationId)).map((event) => [event.actor_user_id, event.action, event.target])).toEqual([
      [adminId, "user.deactivated", repEmail],
      [adminId, "user.reactivated", repEmail],
    ]);
  });
});

describe("an admin", () => {
  it("cannot deactivate, remove, demote or reset themselves, and nothing changes", async () => {
    const { organizationId, adminId } = await organization();
    const people = await actions();
    expect(await people.deactivateUserAction({ userId: adminId })).toEqual({ ok: false, error: "You cannot deactivate yourself. Another admin can." });
    expect(await people.removeUserAction({ userId: adminId })).toEqual({ ok: false, error: "You cannot remove yourself. Another admin can." });
    expect(await people.changeUserRoleAction({ userId: adminId, role: "rep" })).toEqual({ ok: false, error: "You cannot take away your own admin role. Another admin can." });
    expect(await people.resetUserPasswordAction({ userId: adminId })).toEqual({ ok: false, error: "Change your own password on your account page." });
    expect(await readUser(adminId)).toMatchObject({ role: "admin", deactivated_at: null, session_version: 0 });
    expect(await auditOf(organizationId)).toEqual([]);
  });

  it("never leaves the organization without an active admin, even when two admins demote each other at once", async () => {
    const { organizationId, adminId, otherAdminId } = await organization();
    const results = await Promise.allSettled([
      changeUserRole(database.db, { organizationId, actorUserId: adminId, userId: otherAdminId, role: "rep" }),
      changeUserRole(database.db, { organizationId, actorUserId: otherAdminId, userId: adminId, role: "rep" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict", message: expect.stringMatching(/last admin/) } });
    const admins = await database.db.selectFrom("users").select("id").where("organization_id", "=", organizationId).where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
  });

  it("changes roles both ways, audited with from and to; the new role applies on the user's next request", async () => {
    const { organizationId, adminId, otherAdminId, repId, repEmail } = await organization();
    const people = await actions();
    expect(await people.changeUserRoleAction({ userId: otherAdminId, role: "rep" })).toEqual({ ok: true, name: "bea" });
    expect(await people.changeUserRoleAction({ userId: repId, role: "admin" })).toEqual({ ok: true, name: "cyd" });
    expect(await people.changeUserRoleAction({ userId: repId, role: "owner" })).toEqual({ ok: false, error: "Choose a role." });
    signInAs(otherAdminId);
    await expect(people.reactivateUserAction({ userId: repId })).rejects.toMatchObject(FORBIDDEN);
    const audit = await auditOf(organizationId);
    expect(audit.map((event) => [event.actor_user_id, event.action, event.details])).toEqual([
      [adminId, "user.role_changed", { from: "admin", to: "rep" }],
      [adminId, "user.role_changed", { from: "rep", to: "admin" }],
    ]);
    expect(audit[1]?.target).toBe(repEmail);
  });

  it("resets a password to a one-time one shown once, ending the user's sessions", async () => {
    const { organizationId, repId, repEmail } = await organization();
    const result = await (await actions()).resetUserPasswordAction({ userId: repId });
    if (!result.ok) throw new Error(result.error);
    expect(result.email).toBe(repEmail);
    expect(result.oneTimePassword).toMatch(/^[a-zA-Z2-9]{16}$/);
    expect(await readUser(repId)).toMatchObject({ password_change_required: true, session_version: 1 });
    expect(await signInWithPassword(repEmail)).toEqual({ ok: false, reason: "invalid_credentials" });
    expect((await signInWithPassword(repEmail, result.oneTimePassword)).ok).toBe(true);
    const audit = await auditOf(organizationId);
    expect(audit.map((event) => [event.action, event.target])).toEqual([["user.password_reset", repEmail]]);
    expect(JSON.stringify(audit)).not.toContain(result.oneTimePassword);
  });

  it("removes a user for good, keeping the audit log of what they did", async () => {
    const { organizationId, otherAdminId, repId, repEmail } = await organization();
    signInAs(otherAdminId);
    const people = await actions();
    expect(await people.deactivateUserAction({ userId: repId })).toEqual({ ok: true, name: "cyd" });
    expect(await people.removeUserAction({ userId: otherAdminId })).toEqual({ ok: false, error: "You cannot remove yourself. Another admin can." });
    expect(await people.removeUserAction({ userId: repId })).toEqual({ ok: true, name: "cyd" });
    expect(await readUser(repId)).toBeUndefined();
    expect(await signInWithPassword(repEmail)).toEqual({ ok: false, reason: "invalid_credentials" });
    expect((await auditOf(organizationId)).map((event) => [event.actor_user_id, event.action, event.target])).toEqual([
      [otherAdminId, "user.deactivated", repEmail],
      [otherAdminId, "user.removed", repEmail],
    ]);
    expect(await people.removeUserAction({ userId: repId })).toEqual({ ok: false, error: "There is no such user in your organization." });
  });

  it("cannot touch another organization's users", async () => {
    const acme = await organization("Acme");
    const globex = await organization("Globex");
    const people = await actions();
    for (const attempt of [
      () => people.deactivateUserAction({ userId: acme.repId }),
      () => people.reactivateUserAction({ userId: acme.repId }),
      () => people.removeUserAction({ userId: acme.repId }),
      () => people.changeUserRoleAction({ userId: acme.repId, role: "admin" }),
      () => people.resetUserPasswordAction({ userId: acme.repId }),
      () => people.removeUserAction({ userId: "not-a-uuid" }),
    ]) {
      expect(await attempt()).toEqual({ ok: false, error: "There is no such user in your organization." });
    }
    expect(await readUser(acme.repId)).toMatchObject({ role: "rep", deactivated_at: null, session_version: 0, password_change_required: false });
    expect(await auditOf(acme.organizationId)).toEqual([]);
    expect(await auditOf(globex.organizationId)).toEqual([]);
  });
});

describe("a rep", () => {
  it("is refused every people action with a 403, and nothing changes", async () => {
    const { organizationId, adminId, repId } = await organization();
    signInAs(repId);
    const people = await actions();
    await expect(people.deactivateUserAction({ userId: adminId })).rejects.toMatchObject(FORBIDDEN);
    await expect(people.reactivateUserAction({ userId: adminId })).rejects.toMatchObject(FORBIDDEN);
    await expect(people.removeUserAction({ userId: adminId })).rejects.toMatchObject(FORBIDDEN);
    await expect(people.changeUserRoleAction({ userId: repId, role: "admin" })).rejects.toMatchObject(FORBIDDEN);
    await expect(people.changeUserRoleAction({ userId: repId, role: "owner" })).rejects.toMatchObject(FORBIDDEN);
    await expect(people.resetUserPasswordAction({ userId: adminId })).rejects.toMatchObject(FORBIDDEN);
    expect(await readUser(adminId)).toMatchObject({ role: "admin", deactivated_at: null, session_version: 0 });
    expect(await readUser(repId)).toMatchObject({ role: "rep" });
    expect(await auditOf(organizationId)).toEqual([]);
  });
});

describe("the setting \"Managers see their team's calls\"", () => {
  const teamActions = () => import("./team-actions");
  const form = (on: boolean) => {
    const data = new FormData();
    if (on) data.set("managersSeeTeam", "on");
    return data;
  };
  const setting = async (organizationId: string) =>
    (await database.db.selectFrom("organizations").select("managers_see_team").where("id", "=", organizationId).executeTakeFirstOrThrow()).managers_see_team;

  it("is on by default; an admin turns it off and on, each change audited, a save without change not", async () => {
    const { organizationId, adminId } = await organization();
    expect(await setting(organizationId)).toBe(true);
    const { saveManagersSeeTeam } = await teamActions();
    expect(await saveManagersSeeTeam({ status: "idle" }, form(false))).toEqual({ status: "saved", enabled: false });
    expect(await setting(organizationId)).toBe(false);
    await saveManagersSeeTeam({ status: "idle" }, form(false));
    await saveManagersSeeTeam({ status: "idle" }, form(true));
    expect((await auditOf(organizationId)).map((event) => [event.actor_user_id, event.action, event.details])).toEqual([
      [adminId, "organization.managers_see_team_changed", { from: true, to: false }],
      [adminId, "organization.managers_see_team_changed", { from: false, to: true }],
    ]);
  });

  it("refuses a rep with a 403 and changes nothing", async () => {
    const { organizationId, repId } = await organization();
    signInAs(repId);
    await expect((await teamActions()).saveManagersSeeTeam({ status: "idle" }, form(false))).rejects.toMatchObject(FORBIDDEN);
    expect(await setting(organizationId)).toBe(true);
    expect(await auditOf(organizationId)).toEqual([]);
  });
});
