import { isMeetingLogistics } from "./meeting-logistics";
import { toSpeakerKey } from "./speaker-key";
import { isContentWord } from "./stop-words";
import type { Sentence, SummarySentence } from "./types";

const MIN_WORDS = 6;
const EDGE_SHARE = 0.15; // openings (agenda) and closings (recap) carry more of the call's gist
const EDGE_BONUS = 1.15;
const SAME_SPEAKER_PENALTY = 0.75; // keeps one talker from filling the summary
const MAX_OVERLAP = 0.5; // Jaccard overlap above which a sentence repeats one already chosen

type Candidate = { position: number; sentence: Sentence; words: Set<string>; score: number };

function summaryLength(sentenceCount: number): number {
  return Math.min(5, Math.max(3, Math.floor(sentenceCount / 30) + 2));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Scores each sentence by the call-wide weight of its content words: a word's weight is its repeat count
 * beyond the first mention times its inverse sentence frequency (TF-IDF with one-off words ignored),
 * divided by √length so long rambles don't win by size.
 */
function scoreCandidates(sentences: Sentence[]): Candidate[] {
  const contentWords = sentences.map((sentence) => sentence.tokens.filter(isContentWord));
  const wordSets = contentWords.map((words) => new Set(words));
  const termCount = new Map<string, number>();
  const sentenceCount = new Map<string, number>();
  contentWords.forEach((words, position) => {
    for (const word of words) termCount.set(word, (termCount.get(word) ?? 0) + 1);
    for (const word of wordSets[position] ?? []) sentenceCount.set(word, (sentenceCount.get(word) ?? 0) + 1);
  });
  const total = sentences.length;
  const weight = (word: string) =>
    ((termCount.get(word) ?? 1) - 1) * Math.log(1 + total / (sentenceCount.get(word) ?? 1));
  return sentences.flatMap((sentence, position) => {
    const words = wordSets[position] ?? new Set<string>();
    if (sentence.words < MIN_WORDS || words.size === 0 || isMeetingLogistics(sentence.text)) return [];
    let score = 0;
    for (const word of words) score += weight(word);
    score /= Math.sqrt(sentence.words);
    const isEdge = position < total * EDGE_SHARE || position >= total * (1 - EDGE_SHARE);
    return [{ position, sentence, words, score: isEdge ? score * EDGE_BONUS : score }];
  });
}

/** 3–5 representative sentences, chosen greedily with speaker balance, returned in transcript order. */
export function buildExtractiveSummary(sentences: Sentence[]): SummarySentence[] {
  const candidates = scoreCandidates(sentences);
  const target = summaryLength(sentences.length);
  const chosen: Candidate[] = [];
  const picksBySpeaker = new Map<string, number>();
  while (chosen.length < target) {
    let best: { candidate: Candidate; score: number } | undefined;
    for (const candidate of candidates) {
      const picks = picksBySpeaker.get(toSpeakerKey(candidate.sentence.speakerId)) ?? 0;
      const score = candidate.score * SAME_SPEAKER_PENALTY ** picks;
      if (best && score <= best.score) continue;
      if (chosen.includes(candidate)) continue;
      if (chosen.some((picked) => overlap(picked.words, candidate.words) > MAX_OVERLAP)) continue;
      best = { candidate, score };
    }
    if (!best) break;
    chosen.push(best.candidate);
    const key = toSpeakerKey(best.candidate.sentence.speakerId);
    picksBySpeaker.set(key, (picksBySpeaker.get(key) ?? 0) + 1);
  }
  return chosen
    .sort((a, b) => a.position - b.position)
    .map(({ sentence }) => ({
      segmentIndex: sentence.index,
      startMs: sentence.startMs,
      speakerId: sentence.speakerId,
      text: sentence.text,
    }));
}
