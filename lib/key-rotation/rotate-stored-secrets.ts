import type { Kysely, Transaction } from "kysely";
import {
  ENCRYPTED_COLUMNS,
  ENDPOINT_ENCRYPTED_COLUMNS,
  listConnectionIdsWithSecrets,
  listEndpointIds,
  lockEncryptedSecrets,
  lockEndpointSecrets,
  writeReEncryptedEndpointSecrets,
  writeReEncryptedSecrets,
} from "@/db/queries/encrypted-secrets";
import type { Database } from "@/db/schema";
import { EncryptionKeyMismatchError, type EncryptionKeys, decryptSecret, encryptSecret, isEncryptedWithOlderKey } from "@/lib/crypto/encryption";
import { encryptPlainSlackUrls } from "./encrypt-plain-slack-urls";

export type RotationReport = {
  connections: number;
  /** Outbound webhook endpoints (their signing secrets and Slack URLs). */
  endpoints: number;
  /** Slack URLs stored in plain text before they were encrypted, encrypted by this run. */
  slackUrlsEncrypted: number;
  /** Secrets re-encrypted with the newest key by this run. */
  reEncrypted: number;
  /** Secrets already under the newest key (a run that resumes finds the earlier run's work here). */
  alreadyCurrent: number;
  /** Secrets no key of the ring opens: left as they are, by connection id. */
  unreadable: { table: "gong_connections" | "webhook_endpoints"; id: string; column: string }[];
};

/**
 * Re-encrypts every stored Gong token, webhook URL key, outbound signing secret and Slack URL with the ring's newest key
 * (and encrypts Slack URLs still in plain text), a few rows per
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
  const report: RotationReport = { connections: 0, endpoints: 0, slackUrlsEncrypted: 0, reEncrypted: 0, alreadyCurrent: 0, unreadable: [] };
  const onBatch = () => options.onBatch?.(report);
  await rotateTable(db, keys, report, batchSize, onBatch, {
    table: "gong_connections",
    columns: ENCRYPTED_COLUMNS,
    list: listConnectionIdsWithSecrets,
    lock: lockEncryptedSecrets,
    write: writeReEncryptedSecrets,
    counted: () => report.connections++,
  });
  await rotateTable(db, keys, report, batchSize, onBatch, {
    table: "webhook_endpoints",
    columns: ENDPOINT_ENCRYPTED_COLUMNS,
    list: listEndpointIds,
    lock: lockEndpointSecrets,
    write: writeReEncryptedEndpointSecrets,
    counted: () => report.endpoints++,
  });
  report.slackUrlsEncrypted = await encryptPlainSlackUrls(db, keys, batchSize);
  onBatch();
  return report;
}

type TableRotation<C extends string> = {
  table: RotationReport["unreadable"][number]["table"];
  columns: readonly C[];
  list: (db: Kysely<Database>, afterId: string | null, limit: number) => Promise<string[]>;
  lock: (trx: Transaction<Database>, ids: readonly string[]) => Promise<({ id: string } & Record<C, string | null>)[]>;
  write: (trx: Transaction<Database>, id: string, values: Partial<Record<C, string>>) => Promise<void>;
  counted: () => void;
};

async function rotateTable<C extends string>(
  db: Kysely<Database>,
  keys: EncryptionKeys,
  report: RotationReport,
  batchSize: number,
  onBatch: () => void,
  spec: TableRotation<C>,
): Promise<void> {
  let afterId: string | null = null;
  for (;;) {
    const ids = await spec.list(db, afterId, batchSize);
    if (ids.length === 0) return;
    afterId = ids.at(-1)!;
    await db.transaction().execute(async (trx) => {
      for (const row of await spec.lock(trx, ids)) {
        spec.counted();
        const values: Partial<Record<C, string>> = {};
        for (const column of spec.columns) {
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
            report.unreadable.push({ table: spec.table, id: row.id, column });
          }
        }
        const changed = Object.keys(values).length;
        if (changed > 0) await spec.write(trx, row.id, values);
        report.reEncrypted += changed;
      }
    });
    onBatch();
  }
}
