import { toSpeakerKey } from "./speaker-key";
import type { Sentence, SpeakerRef, Timeline, Topic, TopicTrack } from "./types";

// At most this many buckets across the call, so a two-hour call (30 s buckets) stays a few hundred intervals per speaker.
const MAX_BUCKETS = 300;
const NICE_BUCKET_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

export function chooseBucketSeconds(durationSeconds: number): number {
  const raw = durationSeconds / MAX_BUCKETS;
  return NICE_BUCKET_SECONDS.find((seconds) => seconds >= raw) ?? Math.ceil(raw);
}

/** Sentences (sorted by start time) snapped outward to the bucket grid, grouped by `key` and merged where they touch. */
function snapIntervals(sentences: Iterable<Sentence>, bucketSeconds: number, key: (sentence: Sentence) => string): Map<string, [number, number][]> {
  const intervalsByKey = new Map<string, [number, number][]>();
  for (const sentence of sentences) {
    if (sentence.endMs <= sentence.startMs) continue;
    const start = Math.floor(sentence.startMs / 1000 / bucketSeconds) * bucketSeconds;
    const end = Math.ceil(sentence.endMs / 1000 / bucketSeconds) * bucketSeconds;
    const intervals = intervalsByKey.get(key(sentence)) ?? [];
    const last = intervals.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else intervals.push([start, end]);
    intervalsByKey.set(key(sentence), intervals);
  }
  return intervalsByKey;
}

/**
 * Who spoke when, for drawing bars: each speaker's sentences snapped outward to the bucket grid and
 * merged where they touch. Expects sentences sorted by start time.
 */
export function buildSpeakerTimeline(sentences: Sentence[], speakers: SpeakerRef[], callSeconds: number): Timeline {
  const lastEndSeconds = sentences.reduce((latest, sentence) => Math.max(latest, sentence.endMs / 1000), 0);
  const durationSeconds = Math.ceil(Math.max(callSeconds, lastEndSeconds));
  const bucketSeconds = chooseBucketSeconds(durationSeconds);
  const intervalsByKey = snapIntervals(sentences, bucketSeconds, (sentence) => toSpeakerKey(sentence.speakerId));
  return {
    durationSeconds,
    bucketSeconds,
    tracks: speakers.map((speaker) => ({ ...speaker, intervals: intervalsByKey.get(toSpeakerKey(speaker.speakerId)) ?? [] })),
  };
}

/** When each topic was discussed, on the speaker timeline's grid: the sentences each topic names, snapped and merged. */
export function buildTopicTimeline(sentences: Sentence[], topics: Topic[], bucketSeconds: number): TopicTrack[] {
  const byIndex = new Map(sentences.map((sentence) => [sentence.index, sentence]));
  return topics.flatMap((topic) => {
    const mentioned = topic.segmentIndices.flatMap((index) => byIndex.get(index) ?? []).sort((a, b) => a.startMs - b.startMs);
    const intervals = snapIntervals(mentioned, bucketSeconds, () => topic.name).get(topic.name) ?? [];
    return intervals.length > 0 ? [{ name: topic.name, intervals }] : [];
  });
}
