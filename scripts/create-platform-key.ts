import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { z } from "zod";
import { listPlatformApiKeys, type PlatformApiKeyItem } from "../db/queries/api-keys";
import type { Database } from "../db/schema";
import { issueApiKey } from "../lib/api/issue-api-key";
import { revokePlatformKey } from "../lib/api/revoke-platform-key";
import { createScriptDb } from "./script-db";

const USAGE = [
  'usage: DATABASE_URL=… npm run create-platform-key -- --name "Acme platform"   create a key (printed once)',
  "       DATABASE_URL=… npm run create-platform-key -- --list                   list keys: name, prefix, created, last use",
  "       DATABASE_URL=… npm run create-platform-key -- --revoke <id or prefix>  revoke one key",
].join("\n");

const argsSchema = z.union([
  z.strictObject({ name: z.string().trim().min(1, "--name is required").max(80) }),
  z.strictObject({ list: z.literal(true) }),
  z.strictObject({ revoke: z.string().trim().min(1, "--revoke needs a key id or prefix") }),
]);

/** Platform keys act for every organization, so only someone with the database creates, lists or revokes them. */
async function main() {
  const { values } = parseArgs({ options: { name: { type: "string" }, list: { type: "boolean" }, revoke: { type: "string" } } });
  const parsed = argsSchema.safeParse(values);
  const databaseUrl = z.string().min(1).safeParse(process.env.DATABASE_URL);
  if (!parsed.success || !databaseUrl.success) {
    console.error(parsed.success ? "DATABASE_URL is not set." : "Give exactly one of --name, --list and --revoke.");
    console.error(USAGE);
    process.exit(2);
  }
  const db = createScriptDb(databaseUrl.data);
  try {
    const command = parsed.data;
    if ("list" in command) printKeys(await listPlatformApiKeys(db));
    else if ("revoke" in command) process.exitCode = await revoke(db, command.revoke);
    else await create(db, command.name);
  } finally {
    await db.destroy();
  }
}

async function create(db: Kysely<Database>, name: string) {
  const { key, apiKey } = await issueApiKey(db, { kind: "platform", organizationId: null, name, createdByUserId: null });
  console.log(`Created platform key "${apiKey.name}" (${apiKey.prefix}…), id ${apiKey.id}.`);
  console.log("Copy it now; it is not stored and cannot be shown again:");
  console.log(key);
  console.log("It acts for any organization named by customer_id (set one with: npm run create-admin -- … --customer-id <id>).");
}

async function revoke(db: Kysely<Database>, given: string): Promise<number> {
  const result = await revokePlatformKey(db, given);
  if (result.ok) {
    console.log(`Revoked platform key "${result.key.name}" (${result.key.prefix}…), id ${result.key.id}. Requests with it now get 401.`);
    return 0;
  }
  if (result.reason === "not_found") console.error(`No platform key has the id or prefix "${given}". List them with --list.`);
  if (result.reason === "already_revoked") console.error(`Platform key "${result.keys[0]?.name}" was already revoked on ${formatTime(result.keys[0]?.revoked_at ?? null)}.`);
  if (result.reason === "ambiguous") {
    console.error(`Several platform keys start with "${given}"; nothing was revoked. Name one by id:`);
    printKeys(result.keys, console.error);
  }
  return 1;
}

function printKeys(keys: PlatformApiKeyItem[], print: (line: string) => void = console.log) {
  if (keys.length === 0) {
    print("No platform keys yet. Create one with --name.");
    return;
  }
  const rows = keys.map((key) => [
    key.id,
    key.name,
    `${key.prefix}…`,
    formatTime(key.created_at),
    key.last_used_at ? formatTime(key.last_used_at) : "never",
    key.revoked_at ? `revoked ${formatTime(key.revoked_at)}` : "active",
  ]);
  const table = [["id", "name", "prefix", "created", "last used", "status"], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table) print(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
}

function formatTime(value: Date | string | null): string {
  return value ? `${new Date(value).toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
