import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../db/migrate";
import type { Database } from "../db/schema";
import { createTestDatabase } from "./test-database";

export type MigratedTestDatabase = { url: string; db: Kysely<Database>; drop(): Promise<void> };

/** A fresh database at the latest migration, with a Kysely handle; `drop()` closes and removes it. */
export async function createMigratedTestDatabase(): Promise<MigratedTestDatabase> {
  const database = await createTestDatabase();
  await migrateToLatest(database.url);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }),
  });
  return {
    url: database.url,
    db,
    drop: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}
