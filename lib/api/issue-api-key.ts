import type { Kysely } from "kysely";
import { createApiKey } from "@/db/queries/api-keys";
import type { ApiKey, ApiKeyKind, Database } from "@/db/schema";
import { generateApiKey } from "./api-key-secret";

/** Creates a key and returns its secret, which exists only in this return value: show it once. */
export async function issueApiKey(
  db: Kysely<Database>,
  input: { kind: ApiKeyKind; organizationId: string | null; name: string; createdByUserId: string | null; expiresAt?: Date | null },
): Promise<{ key: string; apiKey: ApiKey }> {
  const generated = generateApiKey(input.kind);
  const apiKey = await createApiKey(db, {
    kind: input.kind,
    organizationId: input.kind === "platform" ? null : input.organizationId,
    name: input.name,
    prefix: generated.prefix,
    secretHash: generated.secretHash,
    createdByUserId: input.createdByUserId,
    expiresAt: input.expiresAt ?? null,
  });
  return { key: generated.key, apiKey };
}
