import { type CallCore } from "./call-core";
import { CALL_OUTCOMES, TRACKERS } from "./dialogue";
import { derivedId } from "./ids";
import { createRandom } from "./prng";
import { type Monologue, type Transcript } from "./transcript";

export interface Occurrence { startTime: number; speakerId: string }
export interface TrackerHit { id: string; name: string; type: string; count: number; occurrences: Occurrence[]; phrases: Array<{ phrase: string; count: number; occurrences: Occurrence[] }> }

const seconds = (ms: number) => Math.round(ms / 10) / 100;

export function listTopics(transcript: Transcript): Array<{ name: string; duration: number }> {
  const totals = new Map<string, number>();
  for (const monologue of transcript.monologues) {
    if (!monologue.topic) continue;
    totals.set(monologue.topic, (totals.get(monologue.topic) ?? 0) + spanMs(monologue));
  }
  return [...totals].map(([name, ms]) => ({ name, duration: Math.round(ms / 1000) }));
}

export function listStructure(transcript: Transcript): Array<{ name: string; duration: number }> {
  const groups: Record<string, string> = { "Small Talk": "Call Setup", Discovery: "Discovery", "Product Demo": "Demo", Pricing: "Commercials", Objections: "Commercials", Competitors: "Commercials", "Next Steps": "Wrap-up" };
  const totals = new Map<string, number>();
  for (const monologue of transcript.monologues) {
    const name = groups[monologue.topic ?? ""] ?? "Other";
    totals.set(name, (totals.get(name) ?? 0) + spanMs(monologue));
  }
  return [...totals].map(([name, ms]) => ({ name, duration: Math.round(ms / 1000) }));
}

export function findTrackers(core: CallCore, transcript: Transcript): TrackerHit[] {
  return TRACKERS.map((tracker) => {
    const phrases = tracker.phrases.map((phrase) => {
      const needle = phrase.toLowerCase();
      const occurrences: Occurrence[] = [];
      for (const monologue of transcript.monologues) {
        for (const sentence of monologue.sentences) {
          if (monologue.speakerId && sentence.text.toLowerCase().includes(needle)) occurrences.push({ startTime: seconds(sentence.start), speakerId: monologue.speakerId });
        }
      }
      return { phrase, count: occurrences.length, occurrences };
    }).filter((phrase) => phrase.count > 0);
    const occurrences = phrases.flatMap((phrase) => phrase.occurrences).sort((a, b) => a.startTime - b.startTime);
    return { id: derivedId("tracker", core.primaryUser.id.slice(2, 5), tracker.key), name: tracker.name, type: tracker.type, count: occurrences.length, occurrences, phrases };
  });
}

export function summarizeCall(core: CallCore, transcript: Transcript) {
  const random = createRandom(core.id, "summary");
  const firstOf = (topic: string) => transcript.monologues.find((monologue) => monologue.topic === topic);
  const outline = [...new Set(transcript.monologues.map((monologue) => monologue.topic).filter((topic): topic is string => topic !== null))].map((topic) => {
    const parts = transcript.monologues.filter((monologue) => monologue.topic === topic);
    const start = parts[0]?.sentences[0]?.start ?? 0;
    const end = parts.at(-1)?.sentences.at(-1)?.end ?? start;
    return { section: topic, startTime: seconds(start), duration: seconds(end - start), items: parts.slice(0, 2).map((part) => ({ text: part.sentences[0]?.text ?? "", startTime: seconds(part.sentences[0]?.start ?? 0) })) };
  });
  const highlight = (title: string, topic: string) => {
    const monologue = firstOf(topic);
    return { title, items: monologue ? monologue.sentences.slice(0, 2).map((sentence) => ({ text: sentence.text, startTimes: [seconds(sentence.start)] })) : [] };
  };
  return {
    brief: `${core.customer.name} is evaluating ${core.title.includes("Renewal") ? "a renewal" : "a rollout"} for about ${transcript.seats} seats. They raised pricing and compared us with ${transcript.competitor}. Next step: a follow-up on ${transcript.day}.`,
    outline,
    highlights: [highlight("Next steps", "Next Steps"), highlight("Pricing", "Pricing"), highlight("Objections", "Objections")],
    callOutcome: { ...random.pick(CALL_OUTCOMES) },
    keyPoints: [
      { text: `${core.customer.name} has roughly ${transcript.seats} reps and wants better call coverage.` },
      { text: `${transcript.competitor} is also being evaluated.` },
      { text: `Follow-up planned for ${transcript.day}.` },
    ],
  };
}

export function measureInteraction(core: CallCore, transcript: Transcript) {
  const talkMs = new Map<string, number>();
  let internalMs = 0, totalMs = 0, longestInternal = 0, longestExternal = 0, companyQuestions = 0, otherQuestions = 0;
  for (const monologue of transcript.monologues) {
    const ms = monologue.sentences.reduce((sum, sentence) => sum + sentence.end - sentence.start, 0);
    if (monologue.speakerId) talkMs.set(monologue.speakerId, (talkMs.get(monologue.speakerId) ?? 0) + ms);
    totalMs += ms;
    if (monologue.internal) internalMs += ms;
    if (monologue.internal) longestInternal = Math.max(longestInternal, spanMs(monologue));
    else longestExternal = Math.max(longestExternal, spanMs(monologue));
    const questions = monologue.sentences.filter((sentence) => sentence.text.endsWith("?")).length;
    if (monologue.internal) companyQuestions += questions;
    else otherQuestions += questions;
  }
  const minutes = Math.max(1, core.durationSeconds / 60);
  return {
    speakers: core.parties.filter((party) => party.speakerId).map((party) => ({ id: party.id, ...(party.userId ? { userId: party.userId } : {}), talkTime: seconds(talkMs.get(party.speakerId!) ?? 0) })),
    interactionStats: [
      { name: "Talk Ratio", value: totalMs === 0 ? 0 : Math.round((internalMs / totalMs) * 100) / 100 },
      { name: "Longest Monologue", value: Math.round(longestInternal / 1000) },
      { name: "Longest Customer Story", value: Math.round(longestExternal / 1000) },
      { name: "Interactivity", value: Math.round((transcript.monologues.length / minutes) * 100) / 100 },
      { name: "Patience", value: Math.round((0.5 + (core.index % 10) / 10) * 100) / 100 },
    ],
    video: core.media === "Video" ? [{ name: "Browser", duration: 0 }, { name: "Presentation", duration: Math.round(core.durationSeconds * 0.3) }, { name: "Webcam", duration: Math.round(core.durationSeconds * 0.6 * 100) / 100 }] : [],
    questions: { companyCount: companyQuestions, nonCompanyCount: otherQuestions },
  };
}

function spanMs(monologue: Monologue): number {
  const first = monologue.sentences[0];
  const last = monologue.sentences.at(-1);
  return first && last ? last.end - first.start : 0;
}
