import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganization } from "@/db/queries/organizations";
import { createUser } from "@/db/queries/users";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { authenticateWithPassword } from "./authenticate";
import { hashPassword } from "./password";

// Node's scrypt (not ours), wrapped so the test can count the derivations a sign-in makes: the work that makes an
// unknown email take as long as a known one. Every call still goes to the real scrypt; nothing else is replaced.
const scrypt = vi.hoisted(() => ({ calls: [] as { N?: number; r?: number; p?: number }[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const wrapped = ((...args: Parameters<typeof actual.scrypt>) => {
    scrypt.calls.push(typeof args[3] === "object" ? { N: args[3].N, r: args[3].r, p: args[3].p } : {});
    return actual.scrypt(...args);
  }) as typeof actual.scrypt;
  return { ...actual, default: { ...actual, scrypt: wrapped }, scrypt: wrapped };
});

const client = { key: "ip:10.30.0.1", shared: false };

describe("authenticateWithPassword, for an email no account has", () => {
  let database: MigratedTestDatabase;
  const signIn = (email: string, password: string) => authenticateWithPassword(database.db, { email, password, client, deviceToken: undefined, secret: "a-test-secret-of-at-least-thirty-two-characters" });

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    const { id } = await createOrganization(database.db, { name: "Acme" });
    await createUser(database.db, { organization_id: id, email: "kim@acme.test", name: "Kim", role: "rep", password_hash: await hashPassword("kim-password") });
  });
  afterAll(() => database.drop());

  it("derives one key at the cost a real hash has, as a wrong password for one account does", async () => {
    const real = (await hashPassword("x")).split("$");
    const cost = { N: Number(real[1]), r: Number(real[2]), p: Number(real[3]) };
    expect(cost).toEqual({ N: 32768, r: 8, p: 1 });

    scrypt.calls.length = 0;
    expect(await signIn("nobody@acme.test", "a-guess")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(scrypt.calls).toEqual([cost]);

    scrypt.calls.length = 0;
    expect(await signIn("kim@acme.test", "a-guess")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(scrypt.calls).toEqual([cost]);

    scrypt.calls.length = 0;
    expect((await signIn("kim@acme.test", "kim-password")).ok).toBe(true);
    expect(scrypt.calls).toEqual([cost]);
  });
});
