import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "../test-support/seed-calls.js";

const REPS = 20;
const SEGMENTS_PER_CALL = 40;

/** Said once in the whole dataset, in the two-hour call: the worst case for a search that pages by date. */
export const RARE_SENTENCE = "We also evaluated Quokkaflow for the warehouse rollout.";

const PHRASES = [
  "Thanks for making the time today, I know the quarter is busy.",
  "Our team runs pricing out of spreadsheets and it breaks every quarter.",
  "Can you walk me through how approvals work on your side?",
  "We looked at Zlymbo last year but the rollout took too long.",
  "The budget is approved but procurement wants a security questionnaire first.",
  "Let's schedule a technical demo with your IT team next Tuesday.",
  "How many seats would you need in the first year?",
  "Honestly the reporting is the part that hurts the most right now.",
  "I'll send over the proposal and a calendar invite by Friday.",
  "Discount depends on the term length and the number of seats.",
  "Our customers usually cut the cleanup from a week to a day.",
  "What would success look like for you six months from now?",
];

/**
 * Loads `count` calls with three parties and ~40 sentences each (generated in SQL, which is far faster than
 * shipping rows), plus one two-hour call with 1,500 sentences, for one organization with an admin and 20 reps.
 */
export async function loadBenchCalls(db: Kysely<Database>, count: number) {
  const organizationId = await seedOrganization(db, "Bench");
  const connectionId = await seedConnection(db, organizationId);
  const adminId = await seedUser(db, { organizationId, email: "admin@bench.test", name: "Admin", role: "admin" });
  let repId = "";
  for (let rep = 0; rep < REPS; rep += 1) {
    const userId = await seedUser(db, { organizationId, email: `rep${rep}@bench.test`, name: `Rep ${rep}`, role: "rep" });
    const gongUserId = await seedGongUser(db, { organizationId, gongId: String(7000 + rep), email: `rep${rep}@bench.test`, firstName: "Rep", lastName: String(rep) });
    await seedUserGongLink(db, { userId, organizationId, gongUserId });
    if (rep === 0) repId = userId;
  }
  const manager = await seedManagerOf50(db, organizationId);
  await sql`drop index transcript_segments_organization_id_search_vector_idx`.execute(db);
  for (let from = 0; from < count; from += 20_000) await insertCallBatch(db, organizationId, connectionId, from, Math.min(count, from + 20_000));
  const longCallId = await seedCall(db, {
    organizationId, connectionId, gongId: "999999999", title: "Two-hour platform deep dive", startedAt: new Date(Date.UTC(2026, 5, 1)), durationSeconds: 7200,
    primaryUserGongId: "7000", parties: [
      { gongId: "l1", speakerId: "s1", userGongId: "7000", name: "Rep 0", email: "rep0@bench.test", affiliation: "Internal" },
      { gongId: "l2", speakerId: "s2", name: "Pat Buyer", email: "pat@customer.test", affiliation: "External" },
      { gongId: "l3", speakerId: "s3", name: "Sam Finance", email: "sam@customer.test", affiliation: "External" },
    ],
    segments: Array.from({ length: 1500 }, (_, index) => ({ speakerId: `s${(index % 5 === 0 ? 2 : index % 3) + 1}`, startMs: index * 4800, endMs: index * 4800 + 4500, text: index === 700 ? RARE_SENTENCE : PHRASES[index % PHRASES.length]! })),
    content: gongBrief(),
  });
  await sql`create index transcript_segments_organization_id_search_vector_idx on transcript_segments using gin ((array[organization_id]), search_vector)`.execute(db);
  return {
    longCallId,
    admin: { id: adminId, organizationId, role: "admin" as const },
    rep: { id: repId, organizationId, role: "rep" as const },
    manager: { id: manager, organizationId, role: "rep" as const },
  };
}

/**
 * A manager (an app user who is a rep, linked to Gong user 6999) with 50 reports in Gong: the 20 reps who hold the
 * calls report to them directly, and 30 more without calls report to rep 1, a nested sub-team. Rep 0, whose figures
 * the rep rows measure, has no team.
 */
async function seedManagerOf50(db: Kysely<Database>, organizationId: string): Promise<string> {
  const userId = await seedUser(db, { organizationId, email: "manager@bench.test", name: "Manager", role: "rep" });
  const gongUserId = await seedGongUser(db, { organizationId, gongId: "6999", email: "manager@bench.test", firstName: "Manager", lastName: "Bench" });
  await seedUserGongLink(db, { userId, organizationId, gongUserId });
  const reps = Array.from({ length: REPS }, (_, rep) => String(7000 + rep));
  await db.updateTable("gong_users").set({ manager_gong_id: "6999" }).where("organization_id", "=", organizationId).where("gong_id", "in", reps).execute();
  for (let report = 0; report < 50 - REPS; report += 1) {
    await seedGongUser(db, { organizationId, gongId: String(7100 + report), email: `report${report}@bench.test`, firstName: "Report", lastName: String(report) });
  }
  await db.updateTable("gong_users").set({ manager_gong_id: "7001" }).where("organization_id", "=", organizationId).where("gong_id", ">=", "7100").where("gong_id", "<", "7200").execute();
  return userId;
}

/** Gong's brief of the two-hour call as the sync stores it, about as much as Gong writes for one. */
function gongBrief() {
  const moments = (section: number) => PHRASES.slice(section, section + 3).map((text, item) => ({ text, startTime: section * 1000 + item * 60 }));
  return {
    brief: PHRASES.slice(0, 3).join(" "),
    callOutcome: { id: "NEXT_STEPS", category: "Answered", name: "Next steps set" },
    keyPoints: PHRASES.slice(3, 8).map((text) => ({ text })),
    highlights: ["Next steps", "Pricing", "Objections"].map((title, section) => ({
      title,
      items: moments(section).map((item) => ({ text: item.text, startTimes: [item.startTime] })),
    })),
    outline: Array.from({ length: 7 }, (_, section) => ({ section: `Part ${section + 1}`, startTime: section * 1000, duration: 1000, items: moments(section) })),
  };
}

async function insertCallBatch(db: Kysely<Database>, organizationId: string, connectionId: string, from: number, to: number) {
  await sql`
    insert into calls (organization_id, connection_id, gong_id, workspace_gong_id, title, url, started_at, duration_seconds,
      primary_user_gong_id, is_private, transcript_status, transcript_segment_count)
    select ${organizationId}, ${connectionId}, i::text, (100 + i % 3)::text, 'Call ' || i || ' with Customer ' || (i % 997),
      'https://app.gong.io/call?id=' || i, timestamptz '2026-11-01' - (i * interval '7 minutes'), 600 + (i % 50) * 60,
      (7000 + i % ${REPS})::text, i % 20 = 7, case when i % 10 = 3 then 'pending' else 'ready' end,
      case when i % 10 = 3 then 0 else ${SEGMENTS_PER_CALL} end
    from generate_series(${from}::int, ${to - 1}::int) i`.execute(db);
  await sql`
    insert into call_parties (call_id, gong_id, speaker_id, user_gong_id, name, email, affiliation)
    select c.id, p.n::text, 's' || p.n,
      case when p.n = 1 then c.primary_user_gong_id end,
      case when p.n = 1 then 'Rep ' || (c.gong_id::int % ${REPS}) else 'Buyer ' || c.gong_id || '-' || p.n end,
      case when p.n = 1 then 'rep' || (c.gong_id::int % ${REPS}) || '@bench.test' else 'buyer' || c.gong_id || '-' || p.n || '@customer.test' end,
      case when p.n = 1 then 'Internal' else 'External' end
    from calls c cross join generate_series(1, 3) p(n)
    where c.organization_id = ${organizationId} and c.gong_id ~ '^[0-9]+$' and c.gong_id::int >= ${from} and c.gong_id::int < ${to}`.execute(db);
  await sql`
    insert into transcript_segments (call_id, organization_id, position, speaker_id, start_ms, end_ms, text)
    select c.id, c.organization_id, s.n, 's' || (1 + (s.n + c.gong_id::int) % 3), s.n * 15000, s.n * 15000 + 14000,
      (${sql.val(PHRASES)}::text[])[1 + (s.n * 7 + c.gong_id::int * 13) % ${PHRASES.length}]
    from calls c cross join generate_series(0, ${SEGMENTS_PER_CALL - 1}) s(n)
    where c.organization_id = ${organizationId} and c.transcript_status = 'ready'
      and c.gong_id ~ '^[0-9]+$' and c.gong_id::int >= ${from} and c.gong_id::int < ${to}`.execute(db);
}
