import type { CallCore } from "../data/call-core";
import { formatGongDate } from "../data/dates";
import { derivedId } from "../data/ids";
import { findTrackers, listStructure, listTopics, measureInteraction, summarizeCall } from "../data/insights";
import { getTranscript } from "../data/transcript";
import { createMediaUrl } from "../media/media-url";
import type { SimulatorState } from "../state";
import { driftExtensiveCall } from "./apply-drift";
import { buildCallContext, toCallBasicData, toParty, type Timing } from "./call-metadata";
import type { ContentSelector } from "./content-selector";

/** One element of calls/extensive `calls[]`: only the sections the content selector asks for appear. */
export function toExtensiveCall(state: SimulatorState, core: CallCore, selector: ContentSelector, nowMs = Date.now()): Record<string, unknown> {
  const fields = selector?.exposedFields;
  const level = selector?.context ?? "None";
  const timings: Timing[] = selector?.contextTiming?.length ? [...new Set(selector.contextTiming)] : ["Now"];
  const call: Record<string, unknown> = { metaData: toCallBasicData(state.origin, core) };
  if (level !== "None") call.context = buildCallContext(core, level, timings);
  if (fields?.parties) call.parties = core.parties.map((party) => toParty(core, party, level, timings));
  const wanted = fields?.content ?? {};
  if (Object.values(wanted).some(Boolean)) call.content = buildContent(state, core, wanted);
  const interactionWanted = fields?.interaction ?? {};
  if (Object.values(interactionWanted).some(Boolean)) {
    const measures = measureInteraction(core, getTranscript(state.dataset.seed, core));
    const interaction: Record<string, unknown> = {};
    if (interactionWanted.speakers) interaction.speakers = measures.speakers;
    if (interactionWanted.personInteractionStats) interaction.interactionStats = measures.interactionStats;
    if (interactionWanted.video) interaction.video = measures.video;
    if (interactionWanted.questions) interaction.questions = measures.questions;
    call.interaction = interaction;
  }
  if (fields?.collaboration?.publicComments) call.collaboration = { publicComments: listPublicComments(state, core) };
  // "If true and exist, add audio url and video url of the call" (Gong's spec): audio-only calls have no videoUrl.
  if (fields?.media) {
    call.media = { audioUrl: createMediaUrl(state, core.id, nowMs), ...(core.media === "Video" ? { videoUrl: createMediaUrl(state, core.id, nowMs, "video") } : {}) };
  }
  return driftExtensiveCall(state, core.index, call);
}

type ContentFlags = NonNullable<NonNullable<NonNullable<ContentSelector>["exposedFields"]>["content"]>;

function buildContent(state: SimulatorState, core: CallCore, wanted: ContentFlags): Record<string, unknown> {
  const transcript = getTranscript(state.dataset.seed, core);
  const content: Record<string, unknown> = {};
  if (wanted.structure) content.structure = listStructure(transcript);
  if (wanted.trackers) {
    content.trackers = findTrackers(core, transcript).map((tracker) => {
      if (wanted.trackerOccurrences) return tracker;
      const { occurrences: _occurrences, ...rest } = tracker;
      return { ...rest, phrases: tracker.phrases.map(({ occurrences: _hidden, ...phrase }) => phrase) };
    });
  }
  if (wanted.topics) content.topics = listTopics(transcript);
  const summary = wanted.brief || wanted.outline || wanted.highlights || wanted.callOutcome || wanted.keyPoints ? summarizeCall(core, transcript) : undefined;
  if (summary && wanted.brief) content.brief = summary.brief;
  if (summary && wanted.outline) content.outline = summary.outline;
  if (summary && wanted.highlights) content.highlights = summary.highlights;
  if (summary && wanted.callOutcome) content.callOutcome = summary.callOutcome;
  if (summary && wanted.keyPoints) content.keyPoints = summary.keyPoints;
  return content;
}

function listPublicComments(state: SimulatorState, core: CallCore): unknown[] {
  if (core.index % 5 !== 2) return [];
  const manager = state.dataset.company.users[core.primaryUser.managerIndex ?? 0] ?? core.primaryUser;
  const at = Math.round(core.durationSeconds * 0.4 * 100) / 100;
  return [{
    id: derivedId("comment", core.id),
    audioStartTime: at,
    audioEndTime: at,
    commenterUserId: manager.id,
    comment: `Nice handling of the pricing question @[${core.primaryUser.firstName} ${core.primaryUser.lastName}](${core.primaryUser.id})`,
    posted: formatGongDate(core.startedMs + (core.durationSeconds + 3600) * 1000, manager.offsetMinutes, "micros", core.index),
    inReplyTo: null,
    duringCall: false,
  }];
}
