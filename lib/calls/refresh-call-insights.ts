import type { Kysely } from "kysely";
import { getCallInsights, upsertManyCallInsights } from "@/db/queries/call-insights";
import { ensureDefaultTrackers, hashTrackers } from "@/db/queries/trackers";
import type { Database } from "@/db/schema";
import {
  type Affiliation,
  CALL_INSIGHTS_VERSION,
  type CallInsights,
  computeCallInsights,
  type InsightInput,
  isStaleCallInsights,
} from "@/lib/insights";
import { storeCallMetrics } from "@/lib/trends/store-call-metrics";
import { readGongSignals } from "./gong-signals";

const AFFILIATIONS = new Set<Affiliation>(["Internal", "External", "Unknown"]);

type LoadedInsightInput = { input: InsightInput; trackersHash: string };

/**
 * Everything the insight functions need, for a page of calls at once (four reads, not four per call); calls that
 * are gone are missing from the map.
 */
export async function loadInsightInputs(db: Kysely<Database>, callIds: string[]): Promise<Map<string, LoadedInsightInput>> {
  const loaded = new Map<string, LoadedInsightInput>();
  if (callIds.length === 0) return loaded;
  const [calls, parties, segments] = await Promise.all([
    db.selectFrom("calls").select(["id", "organization_id", "duration_seconds", "content", "interaction"]).where("id", "in", callIds).execute(),
    db.selectFrom("call_parties").select(["call_id", "speaker_id", "name", "email", "affiliation"]).where("call_id", "in", callIds).execute(),
    db
      .selectFrom("transcript_segments")
      .select(["call_id", "position", "speaker_id", "start_ms", "end_ms", "text", "topic"])
      .where("call_id", "in", callIds)
      .orderBy("call_id")
      .orderBy("position")
      .execute(),
  ]);
  const trackersByOrganization = new Map<string, Awaited<ReturnType<typeof ensureDefaultTrackers>>>();
  for (const organizationId of new Set(calls.map((call) => call.organization_id))) {
    trackersByOrganization.set(organizationId, await ensureDefaultTrackers(db, organizationId));
  }
  const partiesByCall = groupBy(parties, (party) => party.call_id);
  const segmentsByCall = groupBy(segments, (segment) => segment.call_id);
  for (const call of calls) {
    const trackers = trackersByOrganization.get(call.organization_id) ?? [];
    loaded.set(call.id, {
      trackersHash: hashTrackers(trackers),
      input: {
        durationSeconds: call.duration_seconds,
        parties: (partiesByCall.get(call.id) ?? []).map((party) => ({
          speakerId: party.speaker_id,
          name: party.name,
          email: party.email,
          affiliation: AFFILIATIONS.has(party.affiliation as Affiliation) ? (party.affiliation as Affiliation) : "Unknown",
        })),
        segments: (segmentsByCall.get(call.id) ?? []).map((segment) => ({
          index: segment.position,
          speakerId: segment.speaker_id,
          startMs: segment.start_ms,
          endMs: segment.end_ms,
          text: segment.text,
          topic: segment.topic,
        })),
        trackers: trackers.map((tracker) => ({ id: tracker.id, name: tracker.name, keywords: tracker.keywords })),
        gong: readGongSignals(call.content, call.interaction),
      },
    });
  }
  return loaded;
}

/** Everything the insight functions need for one call, read from our tables; undefined when the call is gone. */
export async function loadInsightInput(db: Kysely<Database>, callId: string): Promise<LoadedInsightInput | undefined> {
  return (await loadInsightInputs(db, [callId])).get(callId);
}

/**
 * Computes and stores the insights of a page of calls in one write; returns them by call id (gone calls left out).
 * A call whose transcript changed while they were computed is returned but not stored, so it is computed again.
 * Stored insights also update the calls' trend figures and so the weekly aggregates (lib/trends).
 */
export async function computeAndStoreCallsInsights(db: Kysely<Database>, callIds: string[]): Promise<Map<string, CallInsights>> {
  const computed = new Map<string, CallInsights>();
  const rows = [];
  for (const [callId, loaded] of await loadInsightInputs(db, callIds)) {
    // A page's insights are ~0.5 s of CPU; yielding between calls keeps the process's other steps (a sync waiting
    // for its Gong request slot) on time.
    await new Promise((resolve) => setImmediate(resolve));
    const insights = computeCallInsights(loaded.input);
    computed.set(callId, insights);
    rows.push({ callId, version: CALL_INSIGHTS_VERSION, trackersHash: loaded.trackersHash, insights, sentenceCount: insights.sentenceCount });
  }
  const stored = new Set(await upsertManyCallInsights(db, rows));
  await storeCallMetrics(db, new Map([...computed].filter(([callId]) => stored.has(callId))));
  return computed;
}

/** Computes and stores a call's insights; undefined when the call no longer exists. */
export async function computeAndStoreCallInsights(db: Kysely<Database>, callId: string): Promise<CallInsights | undefined> {
  return (await computeAndStoreCallsInsights(db, [callId])).get(callId);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The call page's insights: the stored ones, or recomputed when missing, made by an older algorithm, or
 * computed against trackers an admin has since edited.
 */
export async function getFreshCallInsights(
  db: Kysely<Database>,
  call: { id: string; organization_id: string },
): Promise<{ insights: CallInsights; llmSummary: string | null } | undefined> {
  const [stored, trackers] = await Promise.all([getCallInsights(db, call.id), ensureDefaultTrackers(db, call.organization_id)]);
  if (stored && !isStaleCallInsights(stored.insights) && stored.trackersHash === hashTrackers(trackers)) {
    return { insights: stored.insights as CallInsights, llmSummary: stored.llmSummary };
  }
  const insights = await computeAndStoreCallInsights(db, call.id);
  return insights && { insights, llmSummary: stored?.llmSummary ?? null };
}
