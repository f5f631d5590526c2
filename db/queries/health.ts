import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Names of the migrations applied to this database (Kysely's bookkeeping table); empty when none ran. */
export async function listAppliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db).catch((error: unknown) => {
    // The table is missing on a database never migrated.
    if ((error as { code?: string }).code === "42P01") return { rows: [] };
    throw error;
  });
  return rows.map((row) => row.name);
}
