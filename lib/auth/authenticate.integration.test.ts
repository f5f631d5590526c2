import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "@/db/queries/organizations";
import { createUser } from "@/db/queries/users";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { SIGN_IN_MAX_FAILURES, authenticateWithPassword } from "./authenticate";
import { hashPassword } from "./password";

describe("authenticateWithPassword", () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    const acme = await createOrganization(database.db, { name: "Acme" });
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
    const acme = await authenticateWithPassword(database.db, { email: " PAT@example.test ", password: "right-password", clientAddress: "10.0.0.1" });
    expect(acme.ok && acme.user.name).toBe("Pat");
    const globex = await authenticateWithPassword(database.db, { email: "pat@example.test", password: "globex-password", clientAddress: "10.0.0.1" });
    expect(globex.ok && globex.user.name).toBe("Pat at Globex");
  });

  it("rejects a wrong password and an unknown email the same way", async () => {
    const wrong = await authenticateWithPassword(database.db, { email: "pat@example.test", password: "nope", clientAddress: "10.0.0.2" });
    const unknown = await authenticateWithPassword(database.db, { email: "who@example.test", password: "nope", clientAddress: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(unknown).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("blocks an email after too many failures, even with the right password", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) {
      await authenticateWithPassword(database.db, { email: "pat@example.test", password: "guess", clientAddress: `10.1.0.${attempt}` });
    }
    const blocked = await authenticateWithPassword(database.db, { email: "pat@example.test", password: "right-password", clientAddress: "10.2.0.1" });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(blocked.ok === false && blocked.reason === "rate_limited" && blocked.retryAfterMinutes).toBeGreaterThanOrEqual(1);
  });

  it("blocks a client address that tries many emails", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) {
      await authenticateWithPassword(database.db, { email: `spray${attempt}@example.test`, password: "guess", clientAddress: "10.9.9.9" });
    }
    const blocked = await authenticateWithPassword(database.db, { email: "someone@example.test", password: "x", clientAddress: "10.9.9.9" });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
