import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness } from "@/test-support/api-harness";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { listFilesEndpoint } from "./endpoints";
import { issueApiKey } from "./issue-api-key";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** `npm run create-platform-key -- …`, as an operator runs it. */
async function runScript(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/create-platform-key.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run create-platform-key", () => {
  it("lists platform keys with name, prefix, creation and last use, and revokes one by prefix or id", async () => {
    const used = await issueApiKey(database.db, { kind: "platform", organizationId: null, name: "Embedding partner", createdByUserId: null });
    const idle = await issueApiKey(database.db, { kind: "platform", organizationId: null, name: "Old integration", createdByUserId: null });
    const api = createApiHarness(database.db);
    expect((await api.call(listFilesEndpoint, { path: "/files", key: used.key })).status).not.toBe(401);

    const listed = await runScript("--list");
    expect(listed.code).toBe(0);
    const [header, ...rows] = listed.stdout.trim().split("\n");
    expect(header).toMatch(/^id\s+name\s+prefix\s+created\s+last used\s+status$/);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.includes("Embedding partner"))).toMatch(new RegExp(`${used.apiKey.prefix}….*UTC.*UTC\\s+active$`));
    expect(rows.find((row) => row.includes("Old integration"))).toMatch(/never\s+active$/);

    const revoked = await runScript("--revoke", `${idle.apiKey.prefix}…`);
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringContaining(`Revoked platform key "Old integration"`) });
    expect((await api.call(listFilesEndpoint, { path: "/files", key: idle.key })).status).toBe(401);
    expect((await runScript("--revoke", idle.apiKey.id)).stderr).toMatch(/already revoked/);
    expect((await runScript("--list")).stdout).toMatch(/Old integration.*revoked \d{4}-/);
    expect((await runScript("--revoke", "cb_plat_zzzz")).code).toBe(1);
  });

  it("revokes nothing when a prefix names several keys", async () => {
    const first = await issueApiKey(database.db, { kind: "platform", organizationId: null, name: "Twin A", createdByUserId: null });
    const second = await issueApiKey(database.db, { kind: "platform", organizationId: null, name: "Twin B", createdByUserId: null });
    await database.db.updateTable("api_keys").set({ prefix: first.apiKey.prefix }).where("id", "=", second.apiKey.id).execute();
    const result = await runScript("--revoke", first.apiKey.prefix);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Several platform keys/);
    const live = await database.db.selectFrom("api_keys").select("id").where("id", "in", [first.apiKey.id, second.apiKey.id]).where("revoked_at", "is", null).execute();
    expect(live).toHaveLength(2);
  });

  it("explains its usage when given no command or two", async () => {
    expect(await runScript()).toMatchObject({ code: 2, stderr: expect.stringContaining("--revoke <id or prefix>") });
    expect((await runScript("--list", "--name", "x")).code).toBe(2);
  });
});
