import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

/**
 * Runs `work` in a transaction, or in the caller's when `db` already is one, so a write that is atomic on its own
 * can also be one step of a larger atomic write (Kysely cannot nest transactions).
 */
export function runInTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
