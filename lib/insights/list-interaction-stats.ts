import type { CallInsights } from "./types";

export type InteractionStatRow = {
  /** Gong's stat name, so the page can label both columns the same way. */
  name: "Talk Ratio" | "Longest Monologue" | "Longest Customer Story" | "Interactivity" | "Patience";
  unit: "ratio" | "seconds" | "score";
  ours: number | null;
  gong: number | null;
};

/** False when no speech is attributed to either side (no speaker matched a party), so our talk ratio means nothing. */
export function hasSidedTalk(insights: CallInsights): boolean {
  return insights.talk.sides.internal.talkSeconds + insights.talk.sides.external.talkSeconds > 0;
}

/**
 * Our interaction figures beside Gong's, row by row. Gong reports the same units: talk ratio as the
 * company side's share (0.51), monologue, story and patience in seconds, interactivity on 0–10.
 */
export function listInteractionStats(insights: CallInsights): InteractionStatRow[] {
  const gongValue = (name: string) => insights.gong?.interactionStats.find((stat) => stat.name === name)?.value ?? null;
  const rows: Omit<InteractionStatRow, "gong">[] = [
    { name: "Talk Ratio", unit: "ratio", ours: hasSidedTalk(insights) ? insights.talk.sides.internal.talkRatio : null },
    { name: "Longest Monologue", unit: "seconds", ours: insights.longestMonologue?.durationSeconds ?? null },
    { name: "Longest Customer Story", unit: "seconds", ours: insights.longestCustomerStory?.durationSeconds ?? null },
    { name: "Interactivity", unit: "score", ours: insights.sentenceCount > 0 ? insights.interactivity.score : null },
    { name: "Patience", unit: "seconds", ours: insights.patience.averagePauseSeconds },
  ];
  return rows.map((row) => ({ ...row, gong: gongValue(row.name) }));
}
