import type { Kysely } from "kysely";
import { getGongConnection } from "@/db/queries/gong-connections";
import type { Database, GongConnection } from "@/db/schema";

/** The connection when it can still talk to Gong; a revoked or re-authorization-needing one is skipped quietly. */
export async function getGongConnectionOrNull(db: Kysely<Database>, connectionId: string): Promise<GongConnection | null> {
  const connection = await getGongConnection(db, connectionId);
  return connection?.status === "connected" ? connection : null;
}
