import type { Kysely } from "kysely";
import { getCallInsights, upsertCallInsights } from "@/db/queries/call-insights";
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
import { readGongSignals } from "./gong-signals";

const AFFILIATIONS = new Set<Affiliation>(["Internal", "External", "Unknown"]);

/** Everything the insight functions need for one call, read from our tables; undefined when the call is gone. */
export async function loadInsightInput(db: Kysely<Database>, callId: string): Promise<{ input: InsightInput; trackersHash: string } | undefined> {
  const call = await db
    .selectFrom("calls")
    .select(["organization_id", "duration_seconds", "content", "interaction"])
    .where("id", "=", callId)
    .executeTakeFirst();
  if (!call) return undefined;
  const [parties, segments, trackers] = await Promise.all([
    db.selectFrom("call_parties").select(["speaker_id", "name", "email", "affiliation"]).where("call_id", "=", callId).execute(),
    db
      .selectFrom("transcript_segments")
      .select(["position", "speaker_id", "start_ms", "end_ms", "text", "topic"])
      .where("call_id", "=", callId)
      .orderBy("position")
      .execute(),
    ensureDefaultTrackers(db, call.organization_id),
  ]);
  return {
    trackersHash: hashTrackers(trackers),
    input: {
      durationSeconds: call.duration_seconds,
      parties: parties.map((party) => ({
        speakerId: party.speaker_id,
        name: party.name,
        email: party.email,
        affiliation: AFFILIATIONS.has(party.affiliation as Affiliation) ? (party.affiliation as Affiliation) : "Unknown",
      })),
      segments: segments.map((segment) => ({
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
  };
}

/** Computes and stores a call's insights; undefined when the call no longer exists. */
export async function computeAndStoreCallInsights(db: Kysely<Database>, callId: string): Promise<CallInsights | undefined> {
  const loaded = await loadInsightInput(db, callId);
  if (!loaded) return undefined;
  const insights = computeCallInsights(loaded.input);
  await upsertCallInsights(db, callId, { version: CALL_INSIGHTS_VERSION, trackersHash: loaded.trackersHash, insights });
  return insights;
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
