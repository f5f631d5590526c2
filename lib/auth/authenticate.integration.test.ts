import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "@/db/queries/organizations";
import { createUser } from "@/db/queries/users";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { SIGN_IN_MAX_FAILURES, SIGN_IN_MAX_SHARED_FAILURES, SIGN_IN_WINDOW_MINUTES, authenticateWithPassword } from "./authenticate";
import { hashPassword } from "./password";

const ip = (address: string) => ({ key: `ip:${address}`, shared: false });

describe("authenticateWithPassword", () => {
  let database: MigratedTestDatabase;
  let acmeId: string;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    const acme = await createOrganization(database.db, { name: "Acme" });
    acmeId = acme.id;
    const globex = await createOrganization(database.db, { name: "Globex" });
    const hash = await hashPassword("right-password");
    await createUser(database.db, { organization_id: acme.id, email: "Pat@Example.test", name: "Pat", role: "rep", password_hash: hash });
    await createUser(database.db, {
      organization_id: globex.id,
      email: "pat@example.test",
      name: "Pat at Globex",
      role: "admin",
      password_hash: await hashPassword("globex-password"),
    });
  });
  afterAll(() => database.drop());

  it("signs in case-insensitively and picks the organization whose password matches", async () => {
    const acme = await authenticateWithPassword(database.db, { email: " PAT@example.test ", password: "right-password", client: ip("10.0.0.1"), deviceId: null });
    expect(acme.ok && acme.user.name).toBe("Pat");
    const globex = await authenticateWithPassword(database.db, { email: "pat@example.test", password: "globex-password", client: ip("10.0.0.1"), deviceId: null });
    expect(globex.ok && globex.user.name).toBe("Pat at Globex");
  });

  it("rejects a wrong password and an unknown email the same way", async () => {
    const wrong = await authenticateWithPassword(database.db, { email: "pat@example.test", password: "nope", client: ip("10.0.0.2"), deviceId: null });
    const unknown = await authenticateWithPassword(database.db, { email: "who@example.test", password: "nope", client: ip("10.0.0.2"), deviceId: null });
    expect(wrong).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(unknown).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("blocks an email after too many failures, even with the right password", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) {
      await authenticateWithPassword(database.db, { email: "pat@example.test", password: "guess", client: ip(`10.1.0.${attempt}`), deviceId: null });
    }
    const blocked = await authenticateWithPassword(database.db, { email: "pat@example.test", password: "right-password", client: ip("10.2.0.1"), deviceId: null });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(blocked.ok === false && blocked.reason === "rate_limited" && blocked.retryAfterMinutes).toBeGreaterThanOrEqual(1);
  });

  it("blocks a client address that tries many emails", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) {
      await authenticateWithPassword(database.db, { email: `spray${attempt}@example.test`, password: "guess", client: ip("10.9.9.9"), deviceId: null });
    }
    const blocked = await authenticateWithPassword(database.db, { email: "someone@example.test", password: "x", client: ip("10.9.9.9"), deviceId: null });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited", scope: "address" });
  });

  it("does not lock a user out of a browser they signed in with before, however many failures others cause", async () => {
    await createUser(database.db, { organization_id: acmeId, email: "boss@example.test", name: "Boss", role: "admin", password_hash: await hashPassword("boss-password") });
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES + 3; attempt++) {
      await authenticateWithPassword(database.db, { email: "boss@example.test", password: "guess", client: ip(`10.3.0.${attempt}`), deviceId: null });
    }
    const elsewhere = await authenticateWithPassword(database.db, { email: "boss@example.test", password: "boss-password", client: ip("10.4.0.1"), deviceId: null });
    expect(elsewhere).toMatchObject({ ok: false, reason: "rate_limited", scope: "email" });
    const ownBrowser = await authenticateWithPassword(database.db, { email: "boss@example.test", password: "boss-password", client: ip("10.4.0.1"), deviceId: "boss-laptop-0000000000" });
    expect(ownBrowser.ok).toBe(true);
    // A stolen device cookie is no way around the limit: its failures lock that device.
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) {
      const guess = await authenticateWithPassword(database.db, { email: "boss@example.test", password: "guess", client: ip("10.5.0.1"), deviceId: "stolen-cookie-000000000" });
      expect(guess).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    const stolen = await authenticateWithPassword(database.db, { email: "boss@example.test", password: "boss-password", client: ip("10.5.0.1"), deviceId: "stolen-cookie-000000000" });
    expect(stolen).toMatchObject({ ok: false, reason: "rate_limited", scope: "device" });
  });

  it("never lets attempts made while locked extend the lockout", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) {
      await authenticateWithPassword(database.db, { email: "locked@example.test", password: "guess", client: ip(`10.6.0.${attempt}`), deviceId: null });
    }
    const failures = () => database.db.selectFrom("sign_in_failures").select("id").where("key", "=", "email:locked@example.test").execute();
    const before = (await failures()).length;
    for (let attempt = 0; attempt < 5; attempt++) {
      const blocked = await authenticateWithPassword(database.db, { email: "locked@example.test", password: "guess", client: ip("10.7.0.1"), deviceId: null });
      expect(blocked.ok === false && blocked.reason === "rate_limited" && blocked.retryAfterMinutes).toBeLessThanOrEqual(SIGN_IN_WINDOW_MINUTES);
    }
    expect((await failures()).length).toBe(before);
  });

  it("counts every client against one shared bucket when no address can be trusted, with a limit to match", async () => {
    const shared = { key: "shared", shared: true };
    await createUser(database.db, { organization_id: acmeId, email: "sam@example.test", name: "Sam", role: "rep", password_hash: await hashPassword("sam-password") });
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) {
      await authenticateWithPassword(database.db, { email: `typo${attempt}@example.test`, password: "guess", client: shared, deviceId: null });
    }
    const colleague = await authenticateWithPassword(database.db, { email: "sam@example.test", password: "sam-password", client: shared, deviceId: null });
    expect(colleague.ok).toBe(true);
    await database.db
      .insertInto("sign_in_failures")
      .values(Array.from({ length: SIGN_IN_MAX_SHARED_FAILURES }, () => ({ key: "shared" })))
      .execute();
    const spray = await authenticateWithPassword(database.db, { email: "next@example.test", password: "guess", client: shared, deviceId: null });
    expect(spray).toMatchObject({ ok: false, reason: "rate_limited", scope: "shared" });
  });
});
