import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCallInsights, listCallIdsWithoutInsights, upsertManyCallInsights } from "@/db/queries/call-insights";
import { storeLateTranscripts } from "@/db/queries/late-transcripts";
import { updateTracker } from "@/db/queries/trackers";
import { CALL_INSIGHTS_VERSION } from "@/lib/insights";
import { discoveryCall, discoveryCallExpected } from "@/lib/insights/__fixtures__/discovery-call";
import { FAKE_LLM_API_KEY, FAKE_LLM_SUMMARY, type FakeLlmServer, startFakeLlmServer } from "@/test-support/fake-llm-server";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { computeAndStoreCallInsights, getFreshCallInsights } from "./refresh-call-insights";
import { summarizeCallWithLlm } from "./summarize-call-with-llm";

let database: MigratedTestDatabase;
let organizationId: string;
let connectionId: string;
let callId: string;
let llm: FakeLlmServer;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  organizationId = await seedOrganization(database.db, "Globex");
  connectionId = await seedConnection(database.db, organizationId);
  for (const tracker of discoveryCall.trackers) {
    await database.db.insertInto("trackers").values({ organization_id: organizationId, name: tracker.name, keywords: tracker.keywords }).execute();
  }
  callId = await seedCall(database.db, {
    organizationId,
    connectionId,
    gongId: "9001",
    startedAt: new Date(),
    durationSeconds: discoveryCall.durationSeconds,
    parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party })),
    segments: discoveryCall.segments,
  });
  llm = await startFakeLlmServer();
});

afterAll(async () => {
  await llm?.close();
  await database?.drop();
});

describe("call insights from stored rows", () => {
  it("matches the hand-computed discovery call and is stored", async () => {
    const insights = await computeAndStoreCallInsights(database.db, callId);
    expect(insights?.talk.totalTalkSeconds).toBe(discoveryCallExpected.totalTalkSeconds);
    expect(insights?.interactivity).toEqual(discoveryCallExpected.interactivity);
    expect(insights?.trackers.map((tracker) => [tracker.name, tracker.hits.map((hit) => hit.segmentIndex)])).toEqual(
      Object.entries(discoveryCallExpected.trackers),
    );
    expect((await getCallInsights(database.db, callId))?.version).toBe(insights?.version);
  });

  it("recomputes on view after an admin edits a tracker", async () => {
    const before = await getCallInsights(database.db, callId);
    const pricing = await database.db.selectFrom("trackers").selectAll().where("name", "=", "Pricing").executeTakeFirstOrThrow();
    await updateTracker(database.db, organizationId, pricing.id, { name: "Pricing", keywords: ["spreadsheets"] });
    const fresh = await getFreshCallInsights(database.db, { id: callId, organization_id: organizationId });
    expect(fresh?.insights.trackers.find((tracker) => tracker.name === "Pricing")?.hits.map((hit) => hit.segmentIndex)).toEqual([2, 3, 4]);
    expect((await getCallInsights(database.db, callId))?.trackersHash).not.toBe(before?.trackersHash);
  });

  it("stores an LLM summary from an OpenAI-compatible endpoint", async () => {
    const summary = await summarizeCallWithLlm(database.db, callId, { baseUrl: llm.baseUrl, apiKey: FAKE_LLM_API_KEY, model: "fake" });
    expect(summary).toBe(FAKE_LLM_SUMMARY);
    expect(llm.received.at(-1)?.body.messages[1]?.content).toContain("Alice Rep (Internal)");
    expect((await getCallInsights(database.db, callId))?.llmSummary).toBe(summary);
  });

  it("goes stale when a transcript is stored after it, and not when the same transcript is stored again", async () => {
    const parties = discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party }));
    const lateId = await seedCall(database.db, { organizationId, connectionId, gongId: "9002", startedAt: new Date(), parties });
    expect((await computeAndStoreCallInsights(database.db, lateId))?.sentenceCount).toBe(0);
    const segments = discoveryCall.segments.map((segment, position) => ({
      position, speaker_id: segment.speakerId, topic: null, start_ms: segment.startMs, end_ms: segment.endMs, text: segment.text,
    }));
    await storeLateTranscripts(database.db, organizationId, [{ callGongId: "9002", segments }]);
    const listed = await listCallIdsWithoutInsights(database.db, { connectionId, version: CALL_INSIGHTS_VERSION, afterId: null, limit: 10 });
    expect(listed).toContain(lateId);
    expect((await getFreshCallInsights(database.db, { id: lateId, organization_id: organizationId }))?.insights.sentenceCount).toBe(segments.length);

    const stored = await getCallInsights(database.db, lateId);
    await storeLateTranscripts(database.db, organizationId, [{ callGongId: "9002", segments }]);
    expect((await getCallInsights(database.db, lateId))?.computedAt).toEqual(stored?.computedAt);
    await storeLateTranscripts(database.db, organizationId, [{ callGongId: "9002", segments: segments.slice(0, 3) }]);
    expect(await getCallInsights(database.db, lateId)).toBeUndefined();
  });

  it("does not store insights computed from a transcript that has changed since", async () => {
    await database.db.deleteFrom("call_insights").where("call_id", "=", callId).execute();
    const stale = { callId, version: CALL_INSIGHTS_VERSION, trackersHash: "", insights: {}, sentenceCount: 0 };
    expect(await upsertManyCallInsights(database.db, [stale])).toEqual([]);
    expect(await getCallInsights(database.db, callId)).toBeUndefined();
  });
});
