import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ApiPrincipal } from "./authenticate-api-key";

/**
 * The organization a request acts on: an organization key's own, or for a platform key the organization whose
 * external id is `customer_id`. An organization key naming another customer gets the same 404 as an unknown one.
 */
export async function resolveApiOrganization(db: Kysely<Database>, principal: ApiPrincipal, customerId: string | undefined): Promise<string> {
  if (principal.kind === "organization") {
    if (!principal.organizationId) throw new AppError("unauthorized", "This API key belongs to no organization.");
    if (customerId === undefined) return principal.organizationId;
    const own = await db.selectFrom("organizations").select("external_id").where("id", "=", principal.organizationId).executeTakeFirst();
    if (own?.external_id !== customerId) throw customerNotFound(customerId);
    return principal.organizationId;
  }
  if (customerId === undefined) {
    throw new AppError("bad_request", "customer_id: platform keys must name the customer (an organization's external id).");
  }
  const organization = await db.selectFrom("organizations").select("id").where("external_id", "=", customerId).executeTakeFirst();
  if (!organization) throw customerNotFound(customerId);
  return organization.id;
}

function customerNotFound(customerId: string): AppError {
  return new AppError("not_found", `No customer with customer_id "${customerId}".`);
}
