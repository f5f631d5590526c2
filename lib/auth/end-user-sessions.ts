import type { Kysely } from "kysely";
import { raiseSessionVersion } from "@/db/queries/users";
import type { Database } from "@/db/schema";

/**
 * Ends every session of the user, on whatever device: each session token carries the session version it was issued
 * at, and getSessionUser (lib/auth/session.ts) refuses one older than the user's, from their next request on. The
 * user signs in again to go on. False when there is no such user.
 */
export async function endUserSessions(db: Kysely<Database>, userId: string): Promise<boolean> {
  return (await raiseSessionVersion(db, userId)) !== undefined;
}
