import type { Sentence, Side } from "./types";

/** Consecutive sentences of one speaker; null speaker ids form turns of their own kind. */
export type Turn = {
  speakerId: string | null;
  side: Side;
  startMs: number;
  endMs: number;
  firstSegmentIndex: number;
  sentenceCount: number;
};

export function buildTurns(sentences: Sentence[]): Turn[] {
  const turns: Turn[] = [];
  let current: Turn | undefined;
  for (const sentence of sentences) {
    if (current && current.speakerId === sentence.speakerId) {
      current.endMs = Math.max(current.endMs, sentence.endMs);
      current.sentenceCount += 1;
      continue;
    }
    current = {
      speakerId: sentence.speakerId,
      side: sentence.side,
      startMs: sentence.startMs,
      endMs: sentence.endMs,
      firstSegmentIndex: sentence.index,
      sentenceCount: 1,
    };
    turns.push(current);
  }
  return turns;
}
