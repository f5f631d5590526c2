import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "@/db/queries/organizations";
import { createUser, getUser } from "@/db/queries/users";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { changeUserPassword } from "./change-user-password";
import { hashPassword, verifyPassword } from "./password";
import { SIGN_IN_MAX_FAILURES } from "./sign-in-limits";

describe("changeUserPassword", () => {
  let database: MigratedTestDatabase;
  let organizationId: string;
  const addUser = async (email: string, passwordChangeRequired = false) =>
    (await createUser(database.db, {
      organization_id: organizationId,
      email,
      name: email,
      role: "rep",
      password_hash: await hashPassword("current-password"),
      password_change_required: passwordChangeRequired,
    })).id;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    organizationId = (await createOrganization(database.db, { name: "Acme" })).id;
  });
  afterAll(() => database.drop());
  const counted = async (key: string) =>
    (await database.db.selectFrom("sign_in_attempts").select("counted_at").where("key", "=", key).executeTakeFirst())?.counted_at.length ?? 0;

  it("asks for the current password, then sets the new one, raises the session version and records it", async () => {
    const userId = await addUser("pia@acme.test");
    const change = (currentPassword: string) => changeUserPassword(database.db, { userId, currentPassword, newPassword: "a-new-password" });
    expect(await change("")).toEqual({ ok: false, error: "Enter your current password." });
    expect(await change("wrong-password")).toEqual({ ok: false, error: "That isn't your current password." });
    expect(await change("current-password")).toEqual({ ok: true, sessionVersion: 1 });
    const user = await getUser(database.db, userId);
    expect(await verifyPassword("a-new-password", user!.password_hash)).toBe(true);
    const audit = await database.db.selectFrom("audit_events").select("action").where("target", "=", "pia@acme.test").execute();
    expect(audit).toEqual([{ action: "user.password_changed" }]);
  });

  it("does not ask for a one-time password the user just signed in with", async () => {
    const userId = await addUser("otto@acme.test", true);
    expect(await changeUserPassword(database.db, { userId, currentPassword: "", newPassword: "a-new-password" })).toEqual({ ok: true, sessionVersion: 1 });
    expect((await getUser(database.db, userId))?.password_change_required).toBe(false);
  });

  it("limits guesses of the current password from a session left open", async () => {
    const userId = await addUser("open@acme.test");
    for (let guess = 0; guess < SIGN_IN_MAX_FAILURES; guess++) {
      await changeUserPassword(database.db, { userId, currentPassword: `guess-${guess}`, newPassword: "a-new-password" });
    }
    const refused = await changeUserPassword(database.db, { userId, currentPassword: "current-password", newPassword: "a-new-password" });
    expect(refused).toEqual({ ok: false, error: "Too many wrong current passwords. Try again in 15 minutes." });
    expect((await getUser(database.db, userId))?.session_version).toBe(0);
  });

  it("says a minute, not minutes, when the limit frees up within one", async () => {
    const userId = await addUser("soon@acme.test");
    // The wrong guesses were made 14½ minutes ago: the limit holds 30 more seconds.
    await sql`insert into sign_in_attempts (key, counted_at)
      values (${`password-check:${userId}`}, array_fill(now() - interval '14 minutes 30 seconds', array[${SIGN_IN_MAX_FAILURES}::int]))`.execute(database.db);
    const refused = await changeUserPassword(database.db, { userId, currentPassword: "current-password", newPassword: "a-new-password" });
    expect(refused).toEqual({ ok: false, error: "Too many wrong current passwords. Try again in 1 minute." });
  });

  it("counts wrong current passwords against the user's own limit, which the right one clears", async () => {
    const userId = await addUser("own@acme.test");
    const otherId = await addUser("other@acme.test");
    for (let guess = 0; guess < SIGN_IN_MAX_FAILURES; guess++) {
      await changeUserPassword(database.db, { userId, currentPassword: `guess-${guess}`, newPassword: "a-new-password" });
    }
    expect(await counted(`password-check:${userId}`)).toBe(SIGN_IN_MAX_FAILURES);
    await changeUserPassword(database.db, { userId: otherId, currentPassword: "guess", newPassword: "a-new-password" });
    expect(await counted(`password-check:${otherId}`)).toBe(1);
    expect(await changeUserPassword(database.db, { userId: otherId, currentPassword: "current-password", newPassword: "a-new-password" })).toEqual({ ok: true, sessionVersion: 1 });
    expect(await counted(`password-check:${otherId}`)).toBe(0);
    expect(await counted(`password-check:${userId}`)).toBe(SIGN_IN_MAX_FAILURES);
  });

  it("asks a user who is no longer there to sign in again", async () => {
    const change = await changeUserPassword(database.db, { userId: randomUUID(), currentPassword: "current-password", newPassword: "a-new-password" });
    expect(change).toEqual({ ok: false, error: "Sign in again to change your password." });
  });
});
