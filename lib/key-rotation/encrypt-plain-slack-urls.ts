import type { Kysely } from "kysely";
import { listPlainSlackEndpointIds, lockPlainSlackUrls, writeEncryptedSlackUrl } from "@/db/queries/encrypted-secrets";
import type { Database } from "@/db/schema";
import type { EncryptionKeys } from "@/lib/crypto/encryption";
import { sealEndpointUrl } from "@/lib/outbound/endpoint-url";

/**
 * Encrypts the URLs of Slack endpoints stored before Slack URLs were encrypted (a migration has no key to do it),
 * leaving only their masked form in plain text. A few rows per transaction; safe to stop and run again.
 */
export async function encryptPlainSlackUrls(db: Kysely<Database>, keys: EncryptionKeys, batchSize: number): Promise<number> {
  let encrypted = 0;
  let afterId: string | null = null;
  for (;;) {
    const ids = await listPlainSlackEndpointIds(db, afterId, batchSize);
    if (ids.length === 0) return encrypted;
    afterId = ids.at(-1)!;
    await db.transaction().execute(async (trx) => {
      for (const row of await lockPlainSlackUrls(trx, ids)) {
        const sealed = await sealEndpointUrl("slack", row.url, keys);
        await writeEncryptedSlackUrl(trx, row.id, { url: sealed.url, urlEncrypted: sealed.urlEncrypted! });
        encrypted++;
      }
    });
  }
}
