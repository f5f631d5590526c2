import type { SelectQueryBuilder, UpdateQueryBuilder, DeleteQueryBuilder } from "kysely";
import type { Database } from "@/db/schema";

/** Who an endpoint belongs to: an organization (Settings → Outbound, or its API key), or a platform key. */
export type EndpointOwner = { kind: "organization"; organizationId: string } | { kind: "platform"; apiKeyId: string };

type EndpointQuery =
  | SelectQueryBuilder<Database, "webhook_endpoints", object>
  | UpdateQueryBuilder<Database, "webhook_endpoints", "webhook_endpoints", object>
  | DeleteQueryBuilder<Database, "webhook_endpoints", object>;

/** Narrows a query on webhook_endpoints to the owner's rows; another owner's endpoint is as absent as an unknown one. */
export function whereOwnedBy<Q extends EndpointQuery>(query: Q, owner: EndpointOwner): Q {
  const narrowed =
    owner.kind === "organization"
      ? (query as SelectQueryBuilder<Database, "webhook_endpoints", object>).where("webhook_endpoints.organization_id", "=", owner.organizationId)
      : (query as SelectQueryBuilder<Database, "webhook_endpoints", object>).where("webhook_endpoints.api_key_id", "=", owner.apiKeyId);
  return narrowed as unknown as Q;
}

export function ownerColumns(owner: EndpointOwner): { organization_id: string | null; api_key_id: string | null } {
  return owner.kind === "organization" ? { organization_id: owner.organizationId, api_key_id: null } : { organization_id: null, api_key_id: owner.apiKeyId };
}
