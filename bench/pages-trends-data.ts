import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";
import { seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "../test-support/seed-calls.js";

const REPS = 50;

/**
 * A second organization for the trends page: `count` calls spread over the past year among 50 linked reps and three
 * workspaces, each with insights and trend figures. The figures go into call_metrics in one statement, so the
 * weekly aggregates are built by the same triggers that keep them in the app.
 */
export async function loadBenchTrends(db: Kysely<Database>, count: number) {
  const organizationId = await seedOrganization(db, "Bench trends");
  const connectionId = await seedConnection(db, organizationId);
  const adminId = await seedUser(db, { organizationId, email: "admin@trends.bench.test", name: "Admin", role: "admin" });
  let repId = "";
  for (let rep = 0; rep < REPS; rep += 1) {
    const userId = await seedUser(db, { organizationId, email: `rep${rep}@trends.bench.test`, name: `Trend rep ${rep}`, role: "rep" });
    const gongUserId = await seedGongUser(db, { organizationId, gongId: String(8000 + rep), email: `rep${rep}@trends.bench.test` });
    await seedUserGongLink(db, { userId, organizationId, gongUserId });
    if (rep === 0) repId = userId;
  }
  const spacingSeconds = Math.floor((364 * 86_400) / count);
  await sql`
    insert into calls (organization_id, connection_id, gong_id, workspace_gong_id, title, started_at, duration_seconds,
      primary_user_gong_id, transcript_status, transcript_segment_count)
    select ${organizationId}, ${connectionId}, 't' || i, (100 + i % 3)::text, 'Trend call ' || i, now() - i * ${spacingSeconds} * interval '1 second',
      1800, (8000 + i % ${REPS})::text, 'ready', 40
    from generate_series(0, ${count - 1}::int) i`.execute(db);
  await sql`
    insert into call_insights (call_id, version, trackers_hash, insights)
    select id, 2, 'bench', '{}' from calls where organization_id = ${organizationId}`.execute(db);
  await sql`
    insert into call_metrics (call_id, organization_id, rep_gong_id, workspace_gong_id, week_start, talk_ratio,
      longest_monologue_seconds, questions_asked, patience_seconds, interactivity, tracker_mentions)
    select id, organization_id, primary_user_gong_id, workspace_gong_id, date_trunc('week', started_at at time zone 'UTC')::date,
      0.3 + (abs(hashtext(id::text)) % 40) / 100.0, 20 + abs(hashtext(id::text)) % 120, abs(hashtext(id::text)) % 12,
      case when abs(hashtext(id::text)) % 9 = 0 then null else 0.4 + (abs(hashtext(id::text)) % 20) / 10.0 end,
      (abs(hashtext(id::text)) % 100) / 10.0,
      jsonb_build_object('Pricing', abs(hashtext(id::text)) % 4, 'Competitors', abs(hashtext(id::text)) % 2, 'Security', abs(hashtext(id::text)) % 3)
    from calls where organization_id = ${organizationId}`.execute(db);
  return { admin: { id: adminId, organizationId, role: "admin" as const }, rep: { id: repId, organizationId, role: "rep" as const } };
}
