import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { up as backfillCallMetrics } from "@/db/migrations/2026_12_06_1910_backfill_call_metrics";
import { deleteCallsByGongId } from "@/db/queries/deleted-calls";
import { storeLateTranscripts } from "@/db/queries/late-transcripts";
import { computeAndStoreCallInsights, computeAndStoreCallsInsights } from "@/lib/calls/refresh-call-insights";
import { discoveryCall } from "@/lib/insights/__fixtures__/discovery-call";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";

/**
 * The weekly aggregates follow the calls through every path that changes a call's insights: computed, a late
 * transcript, a resync that moves the call, a delete, and they always equal a recount from the calls themselves.
 */

let database: MigratedTestDatabase;
let organizationId: string;
let connectionId: string;
let nextGongId = 1;

const WEEK_1 = "2026-11-02"; // a Monday
const WEEK_2 = "2026-11-09";
const parties = discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party }));
const segments = discoveryCall.segments.map(({ speakerId, startMs, endMs, text }) => ({ speakerId, startMs, endMs, text }));

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  organizationId = await seedOrganization(database.db, "Acme");
  connectionId = await seedConnection(database.db, organizationId);
});
afterAll(async () => {
  await database?.drop();
});

async function seed(options: { rep: string | null; startedAt: string; withTranscript?: boolean; workspace?: string }) {
  const gongId = String(nextGongId++);
  const id = await seedCall(database.db, {
    organizationId, connectionId, gongId, startedAt: new Date(options.startedAt), primaryUserGongId: options.rep,
    workspaceGongId: options.workspace ?? null, durationSeconds: discoveryCall.durationSeconds, parties,
    segments: options.withTranscript === false ? [] : segments,
  });
  return { id, gongId };
}

async function readBuckets() {
  const rows = await database.db
    .selectFrom("rep_weekly_metrics")
    .select(["rep_gong_id", "workspace_gong_id", "week_start", "call_count", "questions_sum", "talk_ratio_count", "tracker_mentions"])
    .select((eb) => eb.cast<string>("week_start", "text").as("week"))
    .where("organization_id", "=", organizationId)
    .orderBy("rep_gong_id")
    .orderBy("week_start")
    .execute();
  return rows.map((row) => ({ rep: row.rep_gong_id, workspace: row.workspace_gong_id, week: row.week, calls: row.call_count, questions: Number(row.questions_sum) }));
}

/** The aggregate as it should be: recounted from call_metrics, the calls' own figures. */
async function recount() {
  const rows = await database.db
    .selectFrom("call_metrics")
    .select(["rep_gong_id", "workspace_gong_id"])
    .select((eb) => [eb.cast<string>("week_start", "text").as("week"), eb.fn.countAll<string>().as("calls"), eb.fn.sum<string>("questions_asked").as("questions")])
    .where("organization_id", "=", organizationId)
    .groupBy(["rep_gong_id", "workspace_gong_id", "week_start"])
    .orderBy("rep_gong_id")
    .orderBy("week_start")
    .execute();
  return rows.map((row) => ({ rep: row.rep_gong_id, workspace: row.workspace_gong_id, week: row.week, calls: Number(row.calls), questions: Number(row.questions) }));
}

describe("weekly aggregates per rep", () => {
  let ada1: { id: string; gongId: string };
  let questionsPerCall: number;

  it("count a call once its insights are computed, in its rep's UTC week, with its figures and tracker mentions", async () => {
    ada1 = await seed({ rep: "801", startedAt: "2026-11-02T09:00:00Z" });
    expect(await readBuckets()).toEqual([]);
    const insights = await computeAndStoreCallInsights(database.db, ada1.id);
    questionsPerCall = insights!.questions.internal.count;
    expect(questionsPerCall).toBeGreaterThan(0);
    // Sunday 23:30 UTC is still the week of Monday 2 November.
    const ada2 = await seed({ rep: "801", startedAt: "2026-11-08T23:30:00Z" });
    const bo = await seed({ rep: "802", startedAt: "2026-11-10T12:00:00Z", workspace: "ws-1" });
    const noRep = await seed({ rep: null, startedAt: "2026-11-03T12:00:00Z" });
    await computeAndStoreCallsInsights(database.db, [ada2.id, bo.id, noRep.id]);
    expect(await readBuckets()).toEqual([
      { rep: "801", workspace: "", week: WEEK_1, calls: 2, questions: 2 * questionsPerCall },
      { rep: "802", workspace: "ws-1", week: WEEK_2, calls: 1, questions: questionsPerCall },
    ]);
    const bucket = await database.db.selectFrom("rep_weekly_metrics").selectAll().where("rep_gong_id", "=", "802").executeTakeFirstOrThrow();
    expect(bucket.talk_ratio_count).toBe(1);
    expect(bucket.talk_ratio_sum).toBeCloseTo(insights!.talk.sides.internal.talkRatio, 6);
    expect(bucket.tracker_mentions).toEqual({ Pricing: insights!.trackers.find((tracker) => tracker.name === "Pricing")!.count });
    expect(await readBuckets()).toEqual(await recount());
  });

  it("computing the same insights again changes nothing", async () => {
    const before = await readBuckets();
    await computeAndStoreCallInsights(database.db, ada1.id);
    expect(await readBuckets()).toEqual(before);
  });

  it("a call without a transcript counts nowhere, and counts once its late transcript arrives and is computed", async () => {
    const late = await seed({ rep: "803", startedAt: "2026-11-04T10:00:00Z", withTranscript: false });
    await computeAndStoreCallInsights(database.db, late.id);
    expect((await readBuckets()).filter((bucket) => bucket.rep === "803")).toEqual([]);
    const stored = await storeLateTranscripts(database.db, organizationId, [
      { callGongId: late.gongId, segments: segments.slice(0, 6).map((segment, position) => ({ position, speaker_id: segment.speakerId, topic: null, start_ms: segment.startMs, end_ms: segment.endMs, text: segment.text })) },
    ]);
    await computeAndStoreCallInsights(database.db, stored[0]!.callId);
    expect((await readBuckets()).filter((bucket) => bucket.rep === "803")).toEqual([{ rep: "803", workspace: "", week: WEEK_1, calls: 1, questions: 1 }]);
  });

  it("a transcript that changes drops the call's figures until they are computed again, then counts the new ones", async () => {
    const [bo] = await database.db.selectFrom("calls").select(["id", "gong_id"]).where("primary_user_gong_id", "=", "802").execute();
    await storeLateTranscripts(database.db, organizationId, [
      { callGongId: bo!.gong_id, segments: [{ position: 0, speaker_id: discoveryCall.parties[0]!.speakerId, topic: null, start_ms: 0, end_ms: 5000, text: "Any questions so far?" }] },
    ]);
    expect((await readBuckets()).filter((bucket) => bucket.rep === "802")).toEqual([]);
    await computeAndStoreCallInsights(database.db, bo!.id);
    expect((await readBuckets()).filter((bucket) => bucket.rep === "802")).toEqual([{ rep: "802", workspace: "ws-1", week: WEEK_2, calls: 1, questions: 1 }]);
  });

  it("a resync that moves a call to another week, rep or workspace takes it out of the old bucket", async () => {
    await database.db
      .updateTable("calls")
      .set({ started_at: new Date("2026-11-11T09:00:00Z"), primary_user_gong_id: "802", workspace_gong_id: "ws-1" })
      .where("id", "=", ada1.id)
      .execute();
    await computeAndStoreCallInsights(database.db, ada1.id);
    const buckets = await readBuckets();
    expect(buckets.filter((bucket) => bucket.rep !== "803")).toEqual([
      { rep: "801", workspace: "", week: WEEK_1, calls: 1, questions: questionsPerCall },
      { rep: "802", workspace: "ws-1", week: WEEK_2, calls: 2, questions: 1 + questionsPerCall },
    ]);
    // A resync that takes the primary user away: the call counts for no rep.
    await database.db.updateTable("calls").set({ primary_user_gong_id: null }).where("id", "=", ada1.id).execute();
    await computeAndStoreCallInsights(database.db, ada1.id);
    expect((await readBuckets()).find((bucket) => bucket.rep === "802")?.calls).toBe(1);
    expect(await readBuckets()).toEqual(await recount());
  });

  it("a deleted call leaves its bucket, and an emptied bucket goes", async () => {
    const ada = await database.db.selectFrom("calls").select("gong_id").where("primary_user_gong_id", "=", "801").execute();
    expect(ada).toHaveLength(1);
    await deleteCallsByGongId(database.db, { organizationId, gongIds: [ada[0]!.gong_id], userId: null });
    const buckets = await readBuckets();
    expect(buckets.map((bucket) => bucket.rep)).toEqual(["802", "803"]);
    expect(buckets).toEqual(await recount());
  });

  it("stays exact when many calls of one bucket are computed at once from concurrent connections", async () => {
    const calls = await Promise.all(Array.from({ length: 8 }, (_, index) => seed({ rep: "804", startedAt: `2026-11-1${index % 2}T10:00:00Z` })));
    await Promise.all(calls.map((call) => computeAndStoreCallInsights(database.db, call.id)));
    expect((await readBuckets()).filter((bucket) => bucket.rep === "804")).toEqual([
      { rep: "804", workspace: "", week: WEEK_2, calls: 8, questions: 8 * questionsPerCall },
    ]);
    expect(await readBuckets()).toEqual(await recount());
  });

  it("the migration that backfills insights stored before trends existed gives the same figures as storing them now", async () => {
    const before = await database.db.selectFrom("call_metrics").selectAll().orderBy("call_id").execute();
    const aggregates = await readBuckets();
    expect(before.length).toBeGreaterThan(5);
    await database.db.deleteFrom("call_metrics").execute();
    expect(await readBuckets()).toEqual([]);
    await backfillCallMetrics(database.db);
    const after = await database.db.selectFrom("call_metrics").selectAll().orderBy("call_id").execute();
    expect(after).toEqual(before);
    expect(await readBuckets()).toEqual(aggregates);
  });
});
