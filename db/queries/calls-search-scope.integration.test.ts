import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { INDEX_SENTENCE_LIMIT, buildCallsMatchingSearchQuery, findCallsMatchingSearch } from "./calls-list-query";

/**
 * The transcript search index is looked up per organization: another organization's sentences are neither
 * returned nor read, so a big tenant's common word can't push a small tenant's search onto the slow path.
 */

let database: MigratedTestDatabase;
let acme: string;
let other: string;
const acmePricingCalls: string[] = [];

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const { db } = database;
  acme = await seedOrganization(db, "Acme");
  other = await seedOrganization(db, "Other");
  const acmeConnection = await seedConnection(db, acme);
  const otherConnection = await seedConnection(db, other);
  const sentence = (text: string) => [{ speakerId: "s1", startMs: 0, endMs: 1000, text }];
  for (const [index, text] of ["Pricing is the open question.", "Our pricing changed.", "The renewal is on track.", "Send pricing by Friday."].entries()) {
    const id = await seedCall(db, { organizationId: acme, connectionId: acmeConnection, gongId: `acme-${index}`, startedAt: new Date(), segments: sentence(text) });
    if (text.toLowerCase().includes("pricing")) acmePricingCalls.push(id);
  }
  const otherCall = await seedCall(db, { organizationId: other, connectionId: otherConnection, gongId: "other-0", startedAt: new Date() });
  // More of "pricing" than the index is asked to list, all in the other organization.
  await sql`
    insert into transcript_segments (call_id, organization_id, position, start_ms, end_ms, text)
    select ${otherCall}, ${other}, n, n * 1000, n * 1000 + 900, 'We talked pricing again, round ' || n
    from generate_series(0, ${INDEX_SENTENCE_LIMIT + 500}) n`.execute(db);
  await sql`analyze transcript_segments`.execute(db);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("the transcript search index lookup", () => {
  it("lists only the organization's own calls, however much another organization matches", async () => {
    expect((await findCallsMatchingSearch(database.db, acme, "pricing"))?.sort()).toEqual([...acmePricingCalls].sort());
    expect(await findCallsMatchingSearch(database.db, acme, "renewal")).toHaveLength(1);
    // The other organization really has more than the limit: its own lookup gives up and pages instead.
    expect(await findCallsMatchingSearch(database.db, other, "pricing")).toBeNull();
  });

  it("is scoped in the index itself, not filtered after reading every organization's postings", async () => {
    const compiled = buildCallsMatchingSearchQuery(acme, "pricing").compile(database.db);
    const plan = await database.db.transaction().execute(async (trx) => {
      // A table this small is cheapest to read whole; the question is what the index lookup carries when used.
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await trx.executeQuery<{ "QUERY PLAN": string }>({ ...compiled, sql: `explain (analyze, costs off) ${compiled.sql}` });
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("transcript_segments_organization_id_search_vector_idx");
    expect(plan).toMatch(/Index Cond: .*ARRAY\[organization_id\] @>.*search_vector @@/);
    expect(plan).not.toContain("Rows Removed by");
  });
});
