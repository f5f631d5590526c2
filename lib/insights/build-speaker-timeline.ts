import { toSpeakerKey } from "./speaker-key";
import type { Sentence, SpeakerRef, Timeline } from "./types";

// At most this many buckets across the call, so a two-hour call (30 s buckets) stays a few hundred intervals per speaker.
const MAX_BUCKETS = 300;
const NICE_BUCKET_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

export function chooseBucketSeconds(durationSeconds: number): number {
  const raw = durationSeconds / MAX_BUCKETS;
  return NICE_BUCKET_SECONDS.find((seconds) => seconds >= raw) ?? Math.ceil(raw);
}

/**
 * Who spoke when, for drawing bars: each speaker's sentences snapped outward to the bucket grid and
 * merged where they touch. Expects sentences sorted by start time.
 */
export function buildSpeakerTimeline(sentences: Sentence[], speakers: SpeakerRef[], callSeconds: number): Timeline {
  const lastEndSeconds = sentences.reduce((latest, sentence) => Math.max(latest, sentence.endMs / 1000), 0);
  const durationSeconds = Math.ceil(Math.max(callSeconds, lastEndSeconds));
  const bucketSeconds = chooseBucketSeconds(durationSeconds);
  const intervalsByKey = new Map<string, [number, number][]>();
  for (const sentence of sentences) {
    if (sentence.endMs <= sentence.startMs) continue;
    const start = Math.floor(sentence.startMs / 1000 / bucketSeconds) * bucketSeconds;
    const end = Math.ceil(sentence.endMs / 1000 / bucketSeconds) * bucketSeconds;
    const key = toSpeakerKey(sentence.speakerId);
    const intervals = intervalsByKey.get(key) ?? [];
    const last = intervals.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else intervals.push([start, end]);
    intervalsByKey.set(key, intervals);
  }
  return {
    durationSeconds,
    bucketSeconds,
    tracks: speakers.map((speaker) => ({ ...speaker, intervals: intervalsByKey.get(toSpeakerKey(speaker.speakerId)) ?? [] })),
  };
}
