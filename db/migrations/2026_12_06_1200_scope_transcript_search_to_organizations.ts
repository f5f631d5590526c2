import { type Kysely, sql } from "kysely";

/**
 * The transcript search index answers for one organization: each sentence carries its call's organization, and the
 * GIN index is keyed by it as well as by the words, so a lookup reads only that organization's postings instead of
 * every organization's and filtering after. A plain uuid can't go into a GIN index without the btree_gin extension
 * (not on every server, nor the embedded engine); a one-element array of it uses the built-in array_ops. The old
 * words-only index goes: the new one serves queries on the words alone too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("transcript_segments").addColumn("organization_id", "uuid").execute();
  await sql`
    update transcript_segments s set organization_id = c.organization_id
    from calls c where c.id = s.call_id`.execute(db);
  await db.schema.alterTable("transcript_segments").alterColumn("organization_id", (column) => column.setNotNull()).execute();
  await sql`
    create index transcript_segments_organization_id_search_vector_idx
    on transcript_segments using gin ((array[organization_id]), search_vector)`.execute(db);
  await sql`drop index transcript_segments_search_vector_idx`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index transcript_segments_search_vector_idx on transcript_segments using gin (search_vector)`.execute(db);
  await sql`drop index transcript_segments_organization_id_search_vector_idx`.execute(db);
  await db.schema.alterTable("transcript_segments").dropColumn("organization_id").execute();
}
