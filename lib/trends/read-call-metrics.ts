import { hasSidedTalk } from "@/lib/insights/list-interaction-stats";
import type { CallInsights } from "@/lib/insights/types";

/** The figures trends follow for one call; null where the call says nothing about one (no sided talk, no pauses). */
export type CallMetrics = {
  talkRatio: number | null;
  longestMonologueSeconds: number | null;
  questionsAsked: number;
  patienceSeconds: number | null;
  interactivity: number | null;
  /** Tracker name → mentions, trackers with none left out. */
  trackerMentions: Record<string, number>;
};

/**
 * A call's trend figures from its insights, from the rep's side: the company's talk ratio, its longest monologue,
 * the questions it asked. Undefined for a call without transcript sentences, which has nothing to count.
 */
export function readCallMetrics(insights: CallInsights): CallMetrics | undefined {
  if (insights.sentenceCount === 0) return undefined;
  const trackerMentions: Record<string, number> = {};
  for (const tracker of insights.trackers) {
    if (tracker.count > 0) trackerMentions[tracker.name] = (trackerMentions[tracker.name] ?? 0) + tracker.count;
  }
  return {
    talkRatio: hasSidedTalk(insights) ? insights.talk.sides.internal.talkRatio : null,
    longestMonologueSeconds: insights.longestMonologue?.durationSeconds ?? null,
    questionsAsked: insights.questions.internal.count,
    patienceSeconds: insights.patience.averagePauseSeconds,
    interactivity: insights.interactivity.score,
    trackerMentions,
  };
}
