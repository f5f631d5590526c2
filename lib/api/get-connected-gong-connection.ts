import type { Kysely } from "kysely";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import type { Database, GongConnection } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The organization's usable Gong connection, or 409 saying how to get one. */
export async function getConnectedGongConnection(db: Kysely<Database>, organizationId: string): Promise<GongConnection> {
  const connection = await getGongConnectionByOrganization(db, organizationId);
  if (!connection || connection.status === "revoked") {
    throw new AppError("conflict", "Gong is not connected for this organization. Open the URL from POST /api/v1/integrations/oauth_url to connect it.");
  }
  if (connection.status === "needs_reauth") {
    throw new AppError("conflict", "Gong's authorization for this organization has lapsed. Reconnect it with POST /api/v1/integrations/oauth_url.");
  }
  return connection;
}
