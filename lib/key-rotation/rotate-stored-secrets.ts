import type { Kysely } from "kysely";
import {
  ENCRYPTED_COLUMNS,
  type EncryptedColumn,
  listConnectionIdsWithSecrets,
  lockEncryptedSecrets,
  writeReEncryptedSecrets,
} from "@/db/queries/encrypted-secrets";
import type { Database } from "@/db/schema";
import { EncryptionKeyMismatchError, type EncryptionKeys, decryptSecret, encryptSecret, isEncryptedWithOlderKey } from "@/lib/crypto/encryption";

export type RotationReport = {
  connections: number;
  /** Secrets re-encrypted with the newest key by this run. */
  reEncrypted: number;
  /** Secrets already under the newest key (a run that resumes finds the earlier run's work here). */
  alreadyCurrent: number;
  /** Secrets no key of the ring opens: left as they are, by connection id. */
  unreadable: { connectionId: string; column: EncryptedColumn }[];
};

/**
 * Re-encrypts every stored Gong token and webhook URL key with the ring's newest key, a few connections per
 * transaction with their rows locked, so it can run beside syncs, be stopped at any point and be run again: a
 * secret already under the newest key is left alone. Syncs keep working throughout, since every process's ring
 * holds both keys.
 */
export async function rotateStoredSecrets(
  db: Kysely<Database>,
  keys: EncryptionKeys,
  options: { batchSize?: number; onBatch?: (report: RotationReport) => void } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 20;
  const report: RotationReport = { connections: 0, reEncrypted: 0, alreadyCurrent: 0, unreadable: [] };
  let afterId: string | null = null;
  for (;;) {
    const ids = await listConnectionIdsWithSecrets(db, afterId, batchSize);
    if (ids.length === 0) return report;
    afterId = ids.at(-1)!;
    await db.transaction().execute(async (trx) => {
      for (const row of await lockEncryptedSecrets(trx, ids)) {
        report.connections++;
        const values: Partial<Record<EncryptedColumn, string>> = {};
        for (const column of ENCRYPTED_COLUMNS) {
          const stored = row[column];
          if (stored === null) continue;
          if (!isEncryptedWithOlderKey(stored, keys)) {
            report.alreadyCurrent++;
            continue;
          }
          try {
            values[column] = await encryptSecret(await decryptSecret(stored, keys), keys);
          } catch (error) {
            if (!(error instanceof EncryptionKeyMismatchError)) throw error;
            report.unreadable.push({ connectionId: row.id, column });
          }
        }
        const changed = Object.keys(values).length;
        if (changed > 0) await writeReEncryptedSecrets(trx, row.id, values);
        report.reEncrypted += changed;
      }
    });
    options.onBatch?.(report);
  }
}
