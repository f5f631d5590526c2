import { countFillerWords } from "./count-filler-words";
import { roundTo } from "./round";
import { toSpeakerKey } from "./speaker-key";
import type { Sentence, SpeakerFillers, SpeakerRef } from "./types";

/** Per speaker: filler count and rate per minute of that speaker's own talk time. */
export function summarizeFillerWords(
  sentences: Sentence[],
  speakers: SpeakerRef[],
  talkMsBySpeaker: Map<string, number>,
): SpeakerFillers[] {
  const words = new Map<string, Record<string, number>>();
  for (const sentence of sentences) {
    const key = toSpeakerKey(sentence.speakerId);
    const speakerWords = words.get(key) ?? {};
    for (const [filler, count] of countFillerWords(sentence.text)) {
      speakerWords[filler] = (speakerWords[filler] ?? 0) + count;
    }
    words.set(key, speakerWords);
  }
  return speakers.map((speaker) => {
    const key = toSpeakerKey(speaker.speakerId);
    const speakerWords = words.get(key) ?? {};
    const count = Object.values(speakerWords).reduce((sum, value) => sum + value, 0);
    const minutes = (talkMsBySpeaker.get(key) ?? 0) / 60_000;
    return { ...speaker, count, perMinute: minutes > 0 ? roundTo(count / minutes, 2) : 0, words: speakerWords };
  });
}
