import { roundTo, toSeconds } from "./round";
import type { SpeakerDirectory } from "./speaker-directory";
import { toSpeakerKey } from "./speaker-key";
import type { Sentence, Side, SideTalk, SpeakerRef, SpeakerTalk, TalkTime } from "./types";

const SIDE_ORDER: Record<Side, number> = { internal: 0, external: 1, unknown: 2 };

/**
 * Milliseconds each speaker talks: the union of their sentence intervals, so a duplicated or overlapping
 * sentence is not counted twice. Expects sentences sorted by start time.
 */
export function sumTalkMsBySpeaker(sentences: Sentence[]): Map<string, number> {
  const talkMs = new Map<string, number>();
  const reachedMs = new Map<string, number>();
  for (const sentence of sentences) {
    const key = toSpeakerKey(sentence.speakerId);
    const reached = reachedMs.get(key) ?? 0;
    const fresh = Math.max(0, sentence.endMs - Math.max(sentence.startMs, reached));
    talkMs.set(key, (talkMs.get(key) ?? 0) + fresh);
    reachedMs.set(key, Math.max(reached, sentence.endMs));
  }
  return talkMs;
}

/** Every speaker: parties with a speaker id first (even silent ones), then ids met only in the transcript. */
export function listSpeakers(sentences: Sentence[], directory: SpeakerDirectory): SpeakerRef[] {
  const byKey = new Map<string, SpeakerRef>();
  for (const party of directory.parties) byKey.set(toSpeakerKey(party.speakerId), party);
  for (const sentence of sentences) {
    const key = toSpeakerKey(sentence.speakerId);
    if (!byKey.has(key)) byKey.set(key, directory.resolve(sentence.speakerId));
  }
  return [...byKey.values()];
}

/** Talk ratio is each speaker's share of all talk time (crosstalk counts for both speakers). */
export function computeTalkTime(sentences: Sentence[], directory: SpeakerDirectory): TalkTime {
  const talkMs = sumTalkMsBySpeaker(sentences);
  const speakers = listSpeakers(sentences, directory);
  const totalMs = [...talkMs.values()].reduce((sum, ms) => sum + ms, 0);
  const ratio = (ms: number) => (totalMs > 0 ? roundTo(ms / totalMs, 4) : 0);

  const sideMs: Record<Side, number> = { internal: 0, external: 0, unknown: 0 };
  const sideSpeakers: Record<Side, number> = { internal: 0, external: 0, unknown: 0 };
  const rows = speakers.map((speaker, order) => {
    const ms = talkMs.get(toSpeakerKey(speaker.speakerId)) ?? 0;
    sideMs[speaker.side] += ms;
    sideSpeakers[speaker.side] += 1;
    return { order, ms, talk: { ...speaker, talkSeconds: toSeconds(ms), talkRatio: ratio(ms) } };
  });
  rows.sort((a, b) => SIDE_ORDER[a.talk.side] - SIDE_ORDER[b.talk.side] || b.ms - a.ms || a.order - b.order);

  const side = (name: Side): SideTalk => ({
    talkSeconds: toSeconds(sideMs[name]),
    talkRatio: ratio(sideMs[name]),
    speakers: sideSpeakers[name],
  });
  return {
    totalTalkSeconds: toSeconds(totalMs),
    speakers: rows.map((row): SpeakerTalk => row.talk),
    sides: { internal: side("internal"), external: side("external"), unknown: side("unknown") },
  };
}
