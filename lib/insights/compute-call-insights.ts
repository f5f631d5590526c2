import { buildExtractiveSummary } from "./build-extractive-summary";
import { buildSpeakerTimeline, buildTopicTimeline } from "./build-speaker-timeline";
import { buildTopics } from "./build-topics";
import { buildTurns } from "./build-turns";
import { computeInteractivity } from "./compute-interactivity";
import { computePatience } from "./compute-patience";
import { computeTalkTime, sumTalkMsBySpeaker } from "./compute-talk-time";
import { findLongestTurn } from "./find-longest-turn";
import { findNextSteps } from "./find-next-steps";
import { findQuestions } from "./find-questions";
import { findTrackerHits } from "./find-tracker-hits";
import { normalizeSentences } from "./normalize-sentences";
import { roundTo } from "./round";
import { createSpeakerDirectory } from "./speaker-directory";
import { summarizeFillerWords } from "./summarize-filler-words";
import type { CallInsights, GongPassthrough, GongSignals, InsightInput } from "./types";

/** Bump whenever an algorithm's output changes, so stored insights can be found and recomputed. */
export const CALL_INSIGHTS_VERSION = 2;

function passThroughGong(gong: GongSignals | null | undefined): GongPassthrough | null {
  if (!gong) return null;
  const interactionStats = gong.interactionStats ?? [];
  const trackers = gong.trackers ?? [];
  const questions = gong.questions ?? null;
  if (interactionStats.length === 0 && trackers.length === 0 && questions === null) return null;
  return { interactionStats, trackers, questions };
}

/** All conversation insights of one call, as one JSON-serialisable value. Pure and deterministic. */
export function computeCallInsights(input: InsightInput): CallInsights {
  const directory = createSpeakerDirectory(input.parties);
  const sentences = normalizeSentences(input.segments, directory);
  const turns = buildTurns(sentences);
  const talk = computeTalkTime(sentences, directory);
  const speakers = talk.speakers.map(({ speakerId, name, side }) => ({ speakerId, name, side }));
  const lastEndMs = sentences.reduce((latest, sentence) => Math.max(latest, sentence.endMs), 0);
  // Gong's duration covers the whole recording; without it the transcript's end is the best we know.
  const durationSeconds = input.durationSeconds && input.durationSeconds > 0 ? input.durationSeconds : lastEndMs / 1000;

  const topics = buildTopics(sentences, input.gong?.topics);
  const timeline = buildSpeakerTimeline(sentences, speakers, durationSeconds);
  return {
    version: CALL_INSIGHTS_VERSION,
    durationSeconds: roundTo(durationSeconds, 2),
    sentenceCount: sentences.length,
    talk,
    longestMonologue: findLongestTurn(turns, "internal", directory),
    longestCustomerStory: findLongestTurn(turns, "external", directory),
    interactivity: computeInteractivity(turns),
    patience: computePatience(turns),
    questions: findQuestions(sentences),
    fillerWords: summarizeFillerWords(sentences, speakers, sumTalkMsBySpeaker(sentences)),
    topics,
    trackers: findTrackerHits(sentences, input.trackers),
    nextSteps: findNextSteps(sentences),
    summary: buildExtractiveSummary(sentences),
    timeline,
    topicTimeline: buildTopicTimeline(sentences, topics.items, timeline.bucketSeconds),
    gong: passThroughGong(input.gong),
  };
}

/** True when stored insights were made by an older algorithm (or are not insights at all). */
export function isStaleCallInsights(stored: unknown): boolean {
  if (typeof stored !== "object" || stored === null || !("version" in stored)) return true;
  return stored.version !== CALL_INSIGHTS_VERSION;
}
