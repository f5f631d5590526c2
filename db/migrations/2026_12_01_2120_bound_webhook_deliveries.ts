import { type Kysely, sql } from "kysely";

/**
 * The delivery log is bounded: rows only for connections that exist, pruned to the newest per connection as they
 * are written (db/queries/webhook-deliveries.ts). "deferred" records a verified call that could not be synced yet
 * (the connection needs re-authorization) and is synced when Gong is connected again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from webhook_deliveries where connection_id is null or organization_id is null`.execute(db);
  // The same bounds the app keeps from now on: the newest 1,000 verified and 200 rejected deliveries per connection.
  await sql`
    delete from webhook_deliveries where id in (
      select id from (
        select id, outcome = 'rejected' as rejected,
          row_number() over (partition by connection_id, outcome = 'rejected' order by received_at desc, id desc) as newest
        from webhook_deliveries
      ) ranked
      where newest > case when rejected then 200 else 1000 end
    )`.execute(db);
  await db.schema
    .alterTable("webhook_deliveries")
    .alterColumn("connection_id", (column) => column.setNotNull())
    .alterColumn("organization_id", (column) => column.setNotNull())
    .execute();
  await sql`alter table webhook_deliveries drop constraint if exists webhook_deliveries_outcome_check`.execute(db);
  await sql`
    alter table webhook_deliveries add constraint webhook_deliveries_outcome_check
    check (outcome in ('accepted', 'test', 'rejected', 'deferred'))`.execute(db);
  // Each finds the N-th newest of a connection's rejected or verified deliveries, where pruning cuts.
  await sql`
    create index webhook_deliveries_rejected_idx on webhook_deliveries (connection_id, received_at desc, id desc)
    where outcome = 'rejected'`.execute(db);
  await sql`
    create index webhook_deliveries_verified_idx on webhook_deliveries (connection_id, received_at desc, id desc)
    where outcome <> 'rejected'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists webhook_deliveries_verified_idx`.execute(db);
  await sql`drop index if exists webhook_deliveries_rejected_idx`.execute(db);
  await sql`delete from webhook_deliveries where outcome = 'deferred'`.execute(db);
  await sql`alter table webhook_deliveries drop constraint if exists webhook_deliveries_outcome_check`.execute(db);
  await sql`
    alter table webhook_deliveries add constraint webhook_deliveries_outcome_check
    check (outcome in ('accepted', 'test', 'rejected'))`.execute(db);
  await db.schema
    .alterTable("webhook_deliveries")
    .alterColumn("connection_id", (column) => column.dropNotNull())
    .alterColumn("organization_id", (column) => column.dropNotNull())
    .execute();
}
