import { parseArgs } from "node:util";
import { z } from "zod";
import { issueApiKey } from "../lib/api/issue-api-key";
import { createScriptDb } from "./script-db";

const argsSchema = z.object({ name: z.string({ error: "--name is required" }).trim().min(1, "--name is required").max(80) });

/** Platform keys act for every organization, so only someone with the database creates them. */
async function main() {
  const { values } = parseArgs({ options: { name: { type: "string" } } });
  const parsed = argsSchema.safeParse(values);
  const databaseUrl = process.env.DATABASE_URL;
  if (!parsed.success || !databaseUrl) {
    console.error(parsed.success ? "DATABASE_URL is not set." : parsed.error.issues.map((issue) => issue.message).join("\n"));
    console.error('usage: DATABASE_URL=… npm run create-platform-key -- --name "Acme platform"');
    process.exit(2);
  }
  const db = createScriptDb(databaseUrl);
  try {
    const { key, apiKey } = await issueApiKey(db, { kind: "platform", organizationId: null, name: parsed.data.name, createdByUserId: null });
    console.log(`Created platform key "${apiKey.name}" (${apiKey.prefix}…).`);
    console.log("Copy it now; it is not stored and cannot be shown again:");
    console.log(key);
    console.log("It acts for any organization named by customer_id (set one with: npm run create-admin -- … --customer-id <id>).");
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
