import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema";

/** Every row of every table in the public schema, in a stable order: two equal snapshots mean nothing changed. */
export async function listAllTableRows(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const snapshot: Record<string, unknown[]> = {};
  for (const { table_name } of tables.rows) {
    // Ordering by the whole row as text works for any column types, json included.
    snapshot[table_name] = (await sql`SELECT * FROM ${sql.table(table_name)} AS t ORDER BY t::text`.execute(db)).rows;
  }
  return snapshot;
}
