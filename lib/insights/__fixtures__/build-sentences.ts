import { buildTurns } from "../build-turns";
import { normalizeSentences } from "../normalize-sentences";
import { createSpeakerDirectory } from "../speaker-directory";
import type { InsightParty, InsightSegment } from "../types";

/** [speakerId, startSeconds, endSeconds, text]; the array position becomes the segment index. */
export type Line = [string | null, number, number, string];

export const REP: InsightParty = { speakerId: "rep", name: "Riley Rep", email: "riley@seller.test", affiliation: "Internal" };
export const BUYER: InsightParty = { speakerId: "buyer", name: "Bea Buyer", email: "bea@buyer.test", affiliation: "External" };
export const GUEST: InsightParty = { speakerId: "guest", name: null, email: "guest@else.test", affiliation: "Unknown" };

export function toSegments(lines: Line[]): InsightSegment[] {
  return lines.map(([speakerId, start, end, text], index) => ({
    index,
    speakerId,
    startMs: start * 1000,
    endMs: end * 1000,
    text,
    topic: null,
  }));
}

/** Sentences, turns and the speaker directory, as computeCallInsights builds them. */
export function buildSentences(lines: Line[] | InsightSegment[], parties: InsightParty[] = [REP, BUYER, GUEST]) {
  const segments = lines.length > 0 && Array.isArray(lines[0]) ? toSegments(lines as Line[]) : (lines as InsightSegment[]);
  const directory = createSpeakerDirectory(parties);
  const sentences = normalizeSentences(segments, directory);
  return { directory, sentences, turns: buildTurns(sentences) };
}
