import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/**
 * Gong refused a scope the stored grant lists (a 401 naming it): the grant is corrected, so the connection page
 * shows the scope as missing and syncs stop asking for it. True when the scope was listed until now.
 */
export async function removeGrantedScope(db: Kysely<Database>, connectionId: string, scope: string): Promise<boolean> {
  const result = await db
    .updateTable("gong_connections")
    .set({ granted_scopes: sql<string[]>`array_remove(granted_scopes, ${scope})`, updated_at: new Date() })
    .where("id", "=", connectionId)
    .where(sql<boolean>`${scope} = any(granted_scopes)`)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
