import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const USAGE = /usage: DATABASE_URL=… npm run create-admin/;

let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** `npm run create-admin -- …`, as an operator runs it; `databaseUrl: null` leaves DATABASE_URL unset. */
async function runScript(args: string[], options: { databaseUrl?: string | null } = {}) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const databaseUrl = options.databaseUrl === undefined ? database.url : options.databaseUrl;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", ...args], {
      cwd: ROOT,
      env: databaseUrl === null ? env : { ...env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function countRows() {
  const count = async (table: "organizations" | "users" | "audit_events") =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
  return { organizations: await count("organizations"), users: await count("users"), audit_events: await count("audit_events") };
}

const ONE_TIME_PASSWORD = /One-time password \(shown once; you'll choose your own at first sign-in\): (\S+)/g;

describe("npm run create-admin", () => {
  it.each([
    { case: "no arguments", given: [], problems: ["--email is required", "--organization is required"] },
    { case: "a malformed email", given: ["--email", "not-an-email", "--organization", "Acme"], problems: ["--email must be an email address"] },
    { case: "no organization", given: ["--email", "ada@acme.test"], problems: ["--organization is required"] },
    { case: "a blank organization", given: ["--email", "ada@acme.test", "--organization", "  "], problems: ["--organization may not be empty"] },
    { case: "a malformed customer id", given: ["--email", "ada@acme.test", "--organization", "Acme", "--customer-id", "no spaces"], problems: ["--customer-id may hold"] },
    { case: "an unknown option", given: ["--email", "ada@acme.test", "--organization", "Acme", "--role", "admin"], problems: ["Unknown option '--role'"] },
    { case: "a flag without its value", given: ["--organization", "Acme", "--email"], problems: ["argument missing"] },
  ])("refuses $case with exit code 2, says why and writes nothing", async ({ given, problems }) => {
    const result = await runScript(given);
    expect(result.code).toBe(2);
    for (const problem of problems) expect(result.stderr).toContain(problem);
    expect(result.stderr).toMatch(USAGE);
    expect(result.stdout).toBe("");
    expect(await countRows()).toEqual({ organizations: 0, users: 0, audit_events: 0 });
  });

  it("refuses to run without DATABASE_URL", async () => {
    const result = await runScript(["--email", "ada@acme.test", "--organization", "Acme"], { databaseUrl: null });
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(/DATABASE_URL is not set/) });
  });

  it("creates the organization and an admin who must replace the one-time password it prints once", async () => {
    const result = await runScript(["--email", "Ada@Acme.test", "--organization", "Acme", "--name", "Ada Admin"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain('Created admin ada@acme.test in "Acme".');
    const printed = [...result.stdout.matchAll(ONE_TIME_PASSWORD)].map((match) => match[1]!);
    expect(printed).toHaveLength(1);
    const password = printed[0]!;
    expect(result.stdout.split(password)).toHaveLength(2);

    const organizations = await database.db.selectFrom("organizations").select(["id", "name", "external_id"]).execute();
    expect(organizations).toEqual([{ id: expect.any(String), name: "Acme", external_id: null }]);
    const user = await database.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ organization_id: organizations[0]!.id, email: "ada@acme.test", name: "Ada Admin", role: "admin", password_change_required: true });
    expect(user.password_hash).not.toContain(password);
    expect(await verifyPassword(password, user.password_hash)).toBe(true);
    const audit = await database.db.selectFrom("audit_events").select(["action", "target", "actor_user_id"]).execute();
    expect(audit).toEqual([{ action: "user.created", target: "ada@acme.test", actor_user_id: null }]);
  });

  it("refuses the same email again, whatever its case, and changes nothing", async () => {
    const before = await database.db.selectFrom("users").select(["id", "password_hash"]).execute();
    const result = await runScript(["--email", "ADA@acme.test", "--organization", "Acme", "--customer-id", "acme"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ADA@acme\.test already has an account in this organization/);
    expect(result.stdout).toBe("");
    expect(await countRows()).toEqual({ organizations: 1, users: 1, audit_events: 1 });
    expect(await database.db.selectFrom("users").select(["id", "password_hash"]).execute()).toEqual(before);
    // The refused run's --customer-id is rolled back with it.
    expect(await database.db.selectFrom("organizations").select("external_id").execute()).toEqual([{ external_id: null }]);
  });

  it("adds a second admin to an existing organization without creating another", async () => {
    const result = await runScript(["--email", "bo@acme.test", "--organization", "Acme", "--customer-id", "acme"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"Acme" has customer_id "acme" for platform API keys.');
    expect([...result.stdout.matchAll(ONE_TIME_PASSWORD)]).toHaveLength(1);
    expect(await countRows()).toEqual({ organizations: 1, users: 2, audit_events: 2 });
    const bo = await database.db.selectFrom("users").select(["name", "role"]).where("email", "=", "bo@acme.test").executeTakeFirstOrThrow();
    expect(bo).toEqual({ name: "bo", role: "admin" });
  });
});
