import "server-only";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { getEnv } from "@/lib/env";
import type { Database } from "@/db/schema";

export type Db = Kysely<Database>;

// Dates stay "YYYY-MM-DD" strings: a JS Date would shift them into the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const globalForDb = globalThis as unknown as { callbridgeDb?: Db };

function createDb(): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      // The pool is created on first query, so importing this module needs no DATABASE_URL (next build). 20: the
      // steps one process serves at once (the executor's 8 workers) each hold one or two connections at a time.
      pool: async () => new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 20 }),
    }),
  });
}

export const db: Db = (globalForDb.callbridgeDb ??= createDb());
