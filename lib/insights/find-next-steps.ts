import { isMeetingLogistics } from "./meeting-logistics";
import { COMMITMENT_CUES, FUTURE_MARKER, PLAN_CUES, REQUEST_CUES, TIME_CUES } from "./next-step-cues";
import type { NextStep, Sentence, Side } from "./types";

const OTHER_SIDE: Record<Side, Side> = { internal: "external", external: "internal", unknown: "unknown" };

// Matches wherever any cue would: one pass rules out the many sentences that commit to nothing before the cues
// are collected one pattern at a time (most of the time insights take for a long call went there).
const ANY_CUE = new RegExp([...COMMITMENT_CUES, ...REQUEST_CUES, ...PLAN_CUES, ...TIME_CUES].map((pattern) => `(?:${pattern.source})`).join("|"));

function collectCues(text: string, patterns: RegExp[]): string[] {
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]));
}

/** Classifies one sentence, or returns undefined when it commits to nothing. */
export function classifyNextStep(sentence: Sentence): NextStep | undefined {
  const text = sentence.text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (!ANY_CUE.test(text) || isMeetingLogistics(text)) return undefined;
  const commitments = collectCues(text, COMMITMENT_CUES);
  const requests = collectCues(text, REQUEST_CUES);
  const plans = collectCues(text, PLAN_CUES);
  const times = FUTURE_MARKER.test(text) ? collectCues(text, TIME_CUES) : [];
  const cues = [...new Set([...commitments, ...requests, ...plans, ...times])];
  if (cues.length === 0) return undefined;
  const isAction = commitments.length > 0 || requests.length > 0;
  return {
    kind: isAction ? "action-item" : "next-step",
    // A request without the speaker's own promise is work for the other side.
    ownerSide: requests.length > 0 && commitments.length === 0 ? OTHER_SIDE[sentence.side] : sentence.side,
    segmentIndex: sentence.index,
    startMs: sentence.startMs,
    speakerId: sentence.speakerId,
    text: sentence.text,
    cues,
  };
}

/** Sentences that commit someone to something, in transcript order; a sentence said again is listed once. */
export function findNextSteps(sentences: Sentence[]): NextStep[] {
  const seen = new Set<string>();
  return sentences.flatMap((sentence) => {
    const step = classifyNextStep(sentence);
    const key = sentence.tokens.join(" ");
    if (!step || seen.has(key)) return [];
    seen.add(key);
    return [step];
  });
}
