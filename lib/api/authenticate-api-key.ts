import type { Kysely } from "kysely";
import { markApiKeyUsed } from "@/db/queries/api-keys";
import type { ApiKeyKind, Database } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hashApiKey } from "./api-key-secret";

export type ApiPrincipal = { keyId: string; kind: ApiKeyKind; organizationId: string | null };

/** The key in `Authorization: Bearer …`, or 401. Revoked and unknown keys get the same answer. */
export async function authenticateApiKey(db: Kysely<Database>, request: Request): Promise<ApiPrincipal> {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Send an API key as `Authorization: Bearer <key>`.");
  // Inside the function rather than a module constant, so mutation testing can vary it per test.
  const key = /^Bearer\s+(cb_(?:org|plat)_[\w-]{20,200})\s*$/i.exec(header)?.[1];
  if (!key) throw unauthorized("The Authorization header must be `Bearer <key>` with a Callbridge API key.");
  const found = await markApiKeyUsed(db, hashApiKey(key));
  if (!found) throw unauthorized("This API key is not valid or has been revoked.");
  return { keyId: found.id, kind: found.kind, organizationId: found.organization_id };
}

function unauthorized(message: string): AppError {
  return new AppError("unauthorized", message, { headers: { "www-authenticate": 'Bearer realm="callbridge"' } });
}
