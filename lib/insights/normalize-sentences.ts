import { listWords } from "./list-words";
import type { SpeakerDirectory } from "./speaker-directory";
import type { InsightSegment, Sentence } from "./types";

function toMs(value: number): number {
  return Number.isFinite(value) ? Math.max(0, value) : 0;
}

/**
 * Sorts sentences by time (then by index, so ties stay stable) and clamps bad timestamps: an end before
 * its start becomes a zero-length sentence rather than negative talk time.
 */
export function normalizeSentences(segments: InsightSegment[], directory: SpeakerDirectory): Sentence[] {
  const sentences = segments.map((segment): Sentence => {
    const startMs = toMs(segment.startMs);
    const tokens = listWords(segment.text);
    return {
      ...segment,
      startMs,
      endMs: Math.max(startMs, toMs(segment.endMs)),
      side: directory.resolve(segment.speakerId).side,
      words: tokens.length,
      tokens,
    };
  });
  return sentences.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.index - b.index);
}
