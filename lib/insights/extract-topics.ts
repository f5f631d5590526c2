import { isContentWord } from "./stop-words";
import type { Sentence, Topic } from "./types";

const TOPIC_COUNT = 5;
// A two-word phrase says more than either word alone ("data migration" vs "data").
const PHRASE_WEIGHT = 2;

type Candidate = { name: string; mentions: number; segmentIndices: number[]; firstSeen: number };

function addMention(candidates: Map<string, Candidate>, name: string, segmentIndex: number, order: number): void {
  const candidate = candidates.get(name) ?? { name, mentions: 0, segmentIndices: [], firstSeen: order };
  candidate.mentions += 1;
  if (candidate.segmentIndices.at(-1) !== segmentIndex) candidate.segmentIndices.push(segmentIndex);
  candidates.set(name, candidate);
}

/**
 * Deterministic topics when Gong sent none: the most frequent content words and adjacent content-word
 * pairs, mentioned at least twice, a pair counting double. A word inside a chosen phrase is dropped
 * unless it outweighs the phrase; ties go to the earlier mention. Segment indices are in transcript order.
 */
export function extractTopics(sentences: Sentence[]): Topic[] {
  const candidates = new Map<string, Candidate>();
  let order = 0;
  for (const sentence of sentences) {
    let previous: string | undefined;
    for (const word of sentence.tokens) {
      if (!isContentWord(word)) {
        previous = undefined;
        continue;
      }
      addMention(candidates, word, sentence.index, order++);
      if (previous !== undefined && previous !== word) addMention(candidates, `${previous} ${word}`, sentence.index, order++);
      previous = word;
    }
  }
  const weight = (candidate: Candidate) => candidate.mentions * (candidate.name.includes(" ") ? PHRASE_WEIGHT : 1);
  const ranked = [...candidates.values()]
    .filter((candidate) => candidate.mentions >= 2)
    .sort((a, b) => weight(b) - weight(a) || a.firstSeen - b.firstSeen);

  let chosen: Candidate[] = [];
  const coveredWords = new Set<string>();
  for (const candidate of ranked) {
    if (chosen.length === TOPIC_COUNT) break;
    const words = candidate.name.split(" ");
    if (words.length === 1 && coveredWords.has(candidate.name)) continue;
    // A word chosen earlier that this phrase mostly explains ("team" within "pricing team") gives way to it.
    if (words.length > 1) chosen = chosen.filter((word) => !words.includes(word.name) || weight(word) > weight(candidate));
    chosen.push(candidate);
    for (const word of words) coveredWords.add(word);
  }
  return chosen.map((candidate) => ({
    name: candidate.name,
    durationSeconds: null,
    mentions: candidate.mentions,
    segmentIndices: [...new Set(candidate.segmentIndices)].sort((a, b) => a - b),
  }));
}
