import { type Kysely, type Transaction, sql } from "kysely";
import type { Database } from "@/db/schema";

/** gong_connections' columns holding a secret encrypted with TOKEN_ENCRYPTION_KEY (the others: ENDPOINT_ENCRYPTED_COLUMNS). */
export const ENCRYPTED_COLUMNS = ["access_token_encrypted", "refresh_token_encrypted", "webhook_url_key_encrypted"] as const;
export type EncryptedColumn = (typeof ENCRYPTED_COLUMNS)[number];
export type EncryptedSecretsRow = { id: string } & Record<EncryptedColumn, string | null>;

/** The next connections holding any encrypted secret, in id order after `afterId`. */
export async function listConnectionIdsWithSecrets(db: Kysely<Database>, afterId: string | null, limit: number): Promise<string[]> {
  let query = db
    .selectFrom("gong_connections")
    .select("id")
    .where((eb) => eb.or(ENCRYPTED_COLUMNS.map((column) => eb(column, "is not", null))))
    .orderBy("id")
    .limit(limit);
  if (afterId !== null) query = query.where("id", ">", afterId);
  return (await query.execute()).map((row) => row.id);
}

/** The rows' encrypted secrets, locked until the transaction ends so a token refresh waits rather than interleaves. */
export function lockEncryptedSecrets(trx: Transaction<Database>, ids: readonly string[]): Promise<EncryptedSecretsRow[]> {
  return trx.selectFrom("gong_connections").select(["id", ...ENCRYPTED_COLUMNS]).where("id", "in", ids).orderBy("id").forUpdate().execute();
}

/**
 * Rewrites re-encrypted secrets in place. The token version is left alone on purpose: the plaintext is the same,
 * so a refresh holding the lease must still be able to store what Gong gave it.
 */
export async function writeReEncryptedSecrets(trx: Transaction<Database>, id: string, values: Partial<Record<EncryptedColumn, string>>): Promise<void> {
  await trx.updateTable("gong_connections").set(values).where("id", "=", id).execute();
}

/** A few stored secrets, newest connections first, to check the configured key against. */
export async function sampleEncryptedSecrets(db: Kysely<Database>, limit: number): Promise<string[]> {
  const { rows } = await sql<{ secret: string }>`
    select coalesce(access_token_encrypted, refresh_token_encrypted, webhook_url_key_encrypted) as secret
    from gong_connections
    where coalesce(access_token_encrypted, refresh_token_encrypted, webhook_url_key_encrypted) is not null
    order by updated_at desc
    limit ${limit}`.execute(db);
  return rows.map((row) => row.secret);
}

/** webhook_endpoints' columns encrypted with TOKEN_ENCRYPTION_KEY: the signing secrets and a Slack endpoint's URL. */
export const ENDPOINT_ENCRYPTED_COLUMNS = ["secret_encrypted", "previous_secret_encrypted", "url_encrypted"] as const;
export type EndpointEncryptedColumn = (typeof ENDPOINT_ENCRYPTED_COLUMNS)[number];
export type EndpointSecretsRow = { id: string } & Record<EndpointEncryptedColumn, string | null>;

export async function listEndpointIds(db: Kysely<Database>, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom("webhook_endpoints").select("id").orderBy("id").limit(limit);
  if (afterId !== null) query = query.where("id", ">", afterId);
  return (await query.execute()).map((row) => row.id);
}

export function lockEndpointSecrets(trx: Transaction<Database>, ids: readonly string[]): Promise<EndpointSecretsRow[]> {
  return trx.selectFrom("webhook_endpoints").select(["id", ...ENDPOINT_ENCRYPTED_COLUMNS]).where("id", "in", ids).orderBy("id").forUpdate().execute();
}

export async function writeReEncryptedEndpointSecrets(trx: Transaction<Database>, id: string, values: Partial<Record<EndpointEncryptedColumn, string>>): Promise<void> {
  await trx.updateTable("webhook_endpoints").set(values).where("id", "=", id).execute();
}

/** Slack endpoints stored before their URL was encrypted, in id order after `afterId`. */
export async function listPlainSlackEndpointIds(db: Kysely<Database>, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom("webhook_endpoints").select("id").where("format", "=", "slack").where("url_encrypted", "is", null).orderBy("id").limit(limit);
  if (afterId !== null) query = query.where("id", ">", afterId);
  return (await query.execute()).map((row) => row.id);
}

/** Their plain URLs, locked so an admin's change of URL waits; rows encrypted meanwhile are left out. */
export function lockPlainSlackUrls(trx: Transaction<Database>, ids: readonly string[]): Promise<{ id: string; url: string }[]> {
  return trx.selectFrom("webhook_endpoints").select(["id", "url"]).where("id", "in", ids).where("format", "=", "slack").where("url_encrypted", "is", null).orderBy("id").forUpdate().execute();
}

export async function writeEncryptedSlackUrl(trx: Transaction<Database>, id: string, values: { url: string; urlEncrypted: string }): Promise<void> {
  await trx.updateTable("webhook_endpoints").set({ url: values.url, url_encrypted: values.urlEncrypted }).where("id", "=", id).execute();
}
