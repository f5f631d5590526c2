import { driftOfCall, type DriftKind, mixCase, userDrifts, widenId } from "../data/drift";
import type { SimulatorState } from "../state";

/**
 * The drift fault (`/__sim/faults {"driftRate", "driftKinds"}`, env GONG_SIMULATOR_DRIFT_RATE): what a drifting
 * record looks like in each answer. Every function returns new objects; the records they start from may be cached.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);
const eachObject = (list: unknown, edit: (item: Json) => Json): unknown => (Array.isArray(list) ? list.map((item) => (isObject(item) ? edit(item) : item)) : list);
const asText = (value: unknown) => (typeof value === "number" ? String(value) : value);
const wide = (value: unknown) => (typeof value === "string" ? widenId(value) : value);

function driftOf(state: SimulatorState, index: number): ReadonlySet<DriftKind> {
  return driftOfCall(state.dataset.seed, index, { rate: state.faults.driftRate, kinds: state.faults.driftKinds });
}

/** Scalars Gong sends as `null` when unset (API.md §2: "real responses send null for unset scalars"). */
const NULLABLE_METADATA = ["url", "title", "duration", "direction", "system", "scope", "media", "language", "purpose", "meetingUrl", "calendarEventId"];

/** A call's `CallBasicData` (GET /v2/calls, GET /v2/calls/{id}, and `metaData` of an extensive call). */
export function driftMetaData(state: SimulatorState, index: number, metaData: Json): Json {
  return applyMetaData(driftOf(state, index), metaData);
}

function applyMetaData(kinds: ReadonlySet<DriftKind>, metaData: Json): Json {
  const drifted = { ...metaData };
  if (kinds.has("wideIds")) drifted.id = wide(drifted.id);
  if (kinds.has("nulls")) for (const key of NULLABLE_METADATA) drifted[key] = null;
  return drifted;
}

/** One calls/extensive call (also a webhook's `callData`). */
export function driftExtensiveCall(state: SimulatorState, index: number, call: Json): Json {
  const kinds = driftOf(state, index);
  if (kinds.size === 0) return call;
  const drifted: Json = { ...call, metaData: applyMetaData(kinds, call.metaData as Json) };
  if (Array.isArray(drifted.parties)) drifted.parties = driftParties(kinds, drifted.parties);
  if (kinds.has("noParties")) delete drifted.parties;
  if (kinds.has("noContent")) delete drifted.content;
  if (kinds.has("wideIds") && isObject(drifted.interaction)) {
    drifted.interaction = { ...drifted.interaction, speakers: eachObject(drifted.interaction.speakers, (speaker) => ({ ...speaker, id: wide(speaker.id) })) };
  }
  if (kinds.has("storedTypeDrift")) Object.assign(drifted, driftStoredTypes(drifted));
  return drifted;
}

function driftParties(kinds: ReadonlySet<DriftKind>, parties: unknown[]): unknown[] {
  let numbered = false;
  return parties.map((party) => {
    if (!isObject(party)) return party;
    const drifted = { ...party };
    if (kinds.has("wideIds")) Object.assign(drifted, { id: wide(drifted.id), speakerId: wide(drifted.speakerId) });
    if (kinds.has("mixedCaseEmails") && typeof drifted.emailAddress === "string") drifted.emailAddress = mixCase(drifted.emailAddress);
    if (kinds.has("nulls")) Object.assign(drifted, { name: null, title: null, phoneNumber: null, ...(drifted.userId ? {} : { emailAddress: null }) });
    // The id of the first party who spoke, as a JSON number: digits beyond 2^53 are already gone.
    if (kinds.has("numericSpeakerId") && !numbered && typeof drifted.speakerId === "string") {
      drifted.speakerId = Number(drifted.speakerId);
      numbered = true;
    }
    return drifted;
  });
}

/** Types in the sections a client only stores: a numeric tracker id, counts, durations and stats as text. */
function driftStoredTypes(call: Json): Json {
  const drifted: Json = {};
  if (isObject(call.content)) {
    const content = call.content;
    drifted.content = {
      ...content,
      trackers: eachObject(content.trackers, (tracker) => ({ ...tracker, id: typeof tracker.id === "string" ? Number(tracker.id) : tracker.id, count: asText(tracker.count) })),
      topics: eachObject(content.topics, (topic) => ({ ...topic, duration: asText(topic.duration) })),
      structure: eachObject(content.structure, (part) => ({ ...part, duration: asText(part.duration) })),
      outline: eachObject(content.outline, (section) => ({ ...section, startTime: asText(section.startTime) })),
    };
  }
  if (isObject(call.interaction)) {
    const interaction = call.interaction;
    drifted.interaction = {
      ...interaction,
      interactionStats: eachObject(interaction.interactionStats, (stat) => ({ ...stat, value: asText(stat.value) })),
      speakers: eachObject(interaction.speakers, (speaker) => ({ ...speaker, talkTime: asText(speaker.talkTime) })),
      ...(isObject(interaction.questions) ? { questions: { companyCount: asText(interaction.questions.companyCount), nonCompanyCount: asText(interaction.questions.nonCompanyCount) } } : {}),
    };
  }
  if (isObject(call.collaboration)) {
    drifted.collaboration = { ...call.collaboration, publicComments: eachObject(call.collaboration.publicComments, (comment) => ({ ...comment, audioStartTime: asText(comment.audioStartTime) })) };
  }
  return drifted;
}

/** One element of calls/transcript `callTranscripts[]`. */
export function driftTranscript(state: SimulatorState, index: number, transcript: Json): Json {
  const kinds = driftOf(state, index);
  if (kinds.size === 0) return transcript;
  let monologues = Array.isArray(transcript.transcript) ? (transcript.transcript as Json[]) : [];
  if (kinds.has("wideIds")) monologues = monologues.map((monologue) => ({ ...monologue, speakerId: wide(monologue.speakerId) }));
  if (kinds.has("nulls")) monologues = monologues.map((monologue) => ({ ...monologue, topic: null }));
  if (kinds.has("sentenceWithoutText") && monologues.length > 0) {
    const [first, ...rest] = monologues;
    const [sentence, ...sentences] = Array.isArray(first!.sentences) ? (first!.sentences as Json[]) : [];
    if (sentence) monologues = [{ ...first, sentences: [{ ...sentence, text: null }, ...sentences] }, ...rest];
  }
  return { ...transcript, callId: kinds.has("wideIds") ? wide(transcript.callId) : transcript.callId, transcript: monologues };
}

/** One user (GET /v2/users, POST /v2/users/extensive, GET /v2/users/{id}): email and aliases in mixed case. */
export function driftUser(state: SimulatorState, index: number, user: Json): Json {
  if (!userDrifts(state.dataset.seed, index, { rate: state.faults.driftRate, kinds: state.faults.driftKinds })) return user;
  const aliases = Array.isArray(user.emailAliases) ? user.emailAliases.map((alias) => (typeof alias === "string" ? mixCase(alias) : alias)) : user.emailAliases;
  return { ...user, emailAddress: typeof user.emailAddress === "string" ? mixCase(user.emailAddress) : user.emailAddress, emailAliases: aliases };
}
