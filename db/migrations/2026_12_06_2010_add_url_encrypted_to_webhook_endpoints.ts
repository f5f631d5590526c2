import { type Kysely, sql } from "kysely";

/**
 * A Slack incoming-webhook URL is a credential: Slack endpoints keep it in `url_encrypted` (TOKEN_ENCRYPTION_KEY,
 * as the signing secrets), and `url` holds only its masked form. A migration has no key, so Slack endpoints stored
 * before this keep their plain URL until `npm run rotate-token-key` encrypts it (docs/OPERATIONS.md, "Upgrades");
 * deliveries read either form meanwhile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("webhook_endpoints").addColumn("url_encrypted", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  // Without the key the URLs cannot be put back in plain text; dropping the column would lose them.
  const { rows } = await sql<{ count: number }>`select count(*)::int as count from webhook_endpoints where url_encrypted is not null`.execute(db);
  if (rows[0]!.count > 0) throw new Error(`${rows[0]!.count} Slack endpoints hold only an encrypted URL; delete them (or add them again after the downgrade) first.`);
  await db.schema.alterTable("webhook_endpoints").dropColumn("url_encrypted").execute();
}
