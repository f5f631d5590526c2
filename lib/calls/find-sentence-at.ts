import type { TranscriptSentence } from "./group-turns";

/** The index of the last of `count` ascending starts at or before `value`, or -1 before the first (binary search). */
export function findLastAtOrBefore(count: number, startAt: (index: number) => number, value: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startAt(middle) <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The position of the sentence being said at `ms` (the last to start at or before it), or null before the first. */
export function findSentenceAt(sentences: TranscriptSentence[], ms: number): number | null {
  const index = findLastAtOrBefore(sentences.length, (at) => sentences[at]!.startMs, ms);
  return index < 0 ? null : sentences[index]!.position;
}
