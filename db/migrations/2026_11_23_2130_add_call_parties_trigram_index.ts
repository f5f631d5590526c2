import { type Kysely, sql } from "kysely";

/**
 * The calls list filters by a participant's name or email substring; without a trigram index that is a scan
 * of every party. pg_trgm ships with PostgreSQL but may be unavailable (a managed server without it, no CREATE privilege),
 * so the index is skipped there and the filter still works, only slower.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      create extension if not exists pg_trgm;
    exception when others then
      raise notice 'pg_trgm is unavailable; participant search runs without an index';
    end $$`.execute(db);
  await sql`
    do $$
    begin
      if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists call_parties_name_trgm_idx on call_parties using gin (name gin_trgm_ops);
        create index if not exists call_parties_email_trgm_idx on call_parties using gin (email gin_trgm_ops);
      end if;
    end $$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists call_parties_email_trgm_idx`.execute(db);
  await sql`drop index if exists call_parties_name_trgm_idx`.execute(db);
}
