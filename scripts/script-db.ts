import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema";

/** A short-lived Kysely for command-line scripts, which run outside Next and so cannot use db/index.ts. */
export function createScriptDb(databaseUrl: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }) }),
  });
}
