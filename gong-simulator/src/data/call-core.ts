import { findUserByEmail, type CompanyUser } from "./company";
import { CUSTOMERS, type Customer } from "./customers";
import { getCallOwner, getDurationSeconds, getExtraCall, getSentenceCount, getStartedMs, getTranscriptReadyMs, type Dataset } from "./dataset";
import { CALL_TITLES } from "./dialogue";
import { type Precision } from "./dates";
import { derivedId, encodeId } from "./ids";
import { createRandom } from "./prng";

export interface PartyCore {
  id: string;
  name: string | null;
  emailAddress: string | null;
  title: string | null;
  userId: string | null;
  speakerId: string | null;
  affiliation: "Internal" | "External" | "Unknown";
  phoneNumber: string | null;
  methods: Array<"Invitee" | "Attendee">;
}

/** Everything about one call except its transcript and insights; cheap to build. */
export interface CallCore {
  index: number;
  id: string;
  title: string;
  startedMs: number;
  scheduledMs: number;
  durationSeconds: number;
  offsetMinutes: number;
  precision: Precision;
  micros: number;
  primaryUser: CompanyUser;
  workspaceId: string;
  direction: "Inbound" | "Outbound" | "Conference" | "Unknown";
  system: string;
  scope: "Internal" | "External" | "Unknown";
  media: "Video" | "Audio";
  isPrivate: boolean;
  imported: boolean;
  customer: Customer;
  parties: PartyCore[];
  sentenceCount: number;
  transcriptReadyMs: number;
  purpose: string | null;
  hasNewField: boolean;
}

// Meetings are booked on a 5-minute grid and start up to 4 minutes late.
const SCHEDULE_GRID_MS = 300_000;
const LATEST_START_MS = 240_000;
/** A call never starts this long or longer after its scheduled time. */
export const MAX_START_AFTER_SCHEDULED_MS = SCHEDULE_GRID_MS + LATEST_START_MS;

export function buildCallCore(dataset: Dataset, index: number): CallCore {
  const { seed, company } = dataset;
  const random = createRandom(seed, "call", index);
  const extra = getExtraCall(dataset, index);
  const owner = getCallOwner(dataset, index);
  const primaryUser = company.users[owner.primaryUserIndex] ?? company.users[0]!;
  const customer = random.pick(CUSTOMERS);
  const imported = !extra && random.chance(0.04);
  const startedMs = getStartedMs(dataset, index);
  const id = encodeId("call", seed, index);
  const core: CallCore = {
    index, id, customer, imported, startedMs, primaryUser,
    title: extra?.title ?? (imported ? `Call with ${customer.name}` : `${company.name} <> ${customer.name} | ${random.pick(CALL_TITLES)}`),
    scheduledMs: Math.floor((startedMs - random.int(0, LATEST_START_MS)) / SCHEDULE_GRID_MS) * SCHEDULE_GRID_MS,
    durationSeconds: getDurationSeconds(dataset, index),
    offsetMinutes: primaryUser.offsetMinutes,
    precision: random.pick(["seconds", "millis", "micros", "micros"] as const),
    micros: random.int(0, 999),
    workspaceId: company.workspaces[owner.workspaceIndex]?.id ?? company.workspaces[0]!.id,
    direction: imported ? random.pick(["Inbound", "Outbound"] as const) : "Conference",
    system: imported ? random.pick(["Aircall", "RingCentral"]) : random.pick(["Zoom", "Zoom", "Google Meet", "Microsoft Teams"]),
    scope: imported ? "Unknown" : "External",
    media: imported ? "Audio" : random.chance(0.85) ? "Video" : "Audio",
    isPrivate: random.chance(0.05),
    parties: [],
    sentenceCount: getSentenceCount(dataset, index),
    transcriptReadyMs: getTranscriptReadyMs(dataset, index),
    purpose: random.chance(0.3) ? random.pick(["Demo Call", "Discovery", "Negotiation"]) : null,
    hasNewField: index % 7 === 3,
  };
  core.parties = imported ? [] : extra?.participants ? buildGivenParties(dataset, core, extra.participants) : buildParties(dataset, core);
  return core;
}

function internalParty(callId: string, slot: number, user: CompanyUser, methods: PartyCore["methods"], speaks: boolean): PartyCore {
  return {
    id: derivedId("party", callId, slot),
    name: `${user.firstName} ${user.lastName}`,
    emailAddress: user.emailAddress,
    title: user.title,
    userId: user.id,
    speakerId: speaks ? derivedId("speaker", callId, slot) : null,
    affiliation: "Internal",
    phoneNumber: null,
    methods,
  };
}

function buildParties(dataset: Dataset, core: CallCore): PartyCore[] {
  const random = createRandom(dataset.seed, "parties", core.index);
  const parties = [internalParty(core.id, 0, core.primaryUser, ["Invitee", "Attendee"], true)];
  const colleagues = dataset.company.users.filter((user) => user.active && user.index !== core.primaryUser.index);
  if (colleagues.length > 0 && random.chance(0.3)) parties.push(internalParty(core.id, 1, random.pick(colleagues), ["Invitee", "Attendee"], true));
  const prospects = core.customer.prospects;
  const externalCount = random.int(1, Math.min(3, prospects.length));
  const first = random.int(0, prospects.length - 1);
  for (let p = 0; p < externalCount; p++) {
    const prospect = prospects[(first + p) % prospects.length]!;
    const noShow = p > 0 && random.chance(0.15);
    parties.push({
      id: derivedId("party", core.id, 10 + p),
      name: prospect.name,
      emailAddress: prospect.email,
      title: random.chance(0.9) ? prospect.title : null,
      userId: null,
      speakerId: noShow ? null : derivedId("speaker", core.id, 10 + p),
      affiliation: "External",
      phoneNumber: prospect.phone,
      methods: noShow ? ["Invitee"] : ["Invitee", "Attendee"],
    });
  }
  if (random.chance(0.05)) {
    parties.push({ id: derivedId("party", core.id, 30), name: null, emailAddress: null, title: null, userId: null,
      speakerId: derivedId("speaker", core.id, 30), affiliation: "Unknown", phoneNumber: "+1 646-555-0199", methods: ["Attendee"] });
  }
  return parties;
}

function buildGivenParties(dataset: Dataset, core: CallCore, given: NonNullable<ExtraCallParticipants>): PartyCore[] {
  const parties = [internalParty(core.id, 0, core.primaryUser, ["Invitee", "Attendee"], true)];
  given.forEach((participant, p) => {
    const user = findUserByEmail(dataset.company, participant.emailAddress);
    if (user?.index === core.primaryUser.index) return;
    if (user) return void parties.push(internalParty(core.id, 1 + p, user, ["Invitee", "Attendee"], true));
    parties.push({
      id: derivedId("party", core.id, 10 + p), name: participant.name ?? participant.emailAddress.split("@")[0] ?? null,
      emailAddress: participant.emailAddress, title: participant.title ?? null, userId: null,
      speakerId: derivedId("speaker", core.id, 10 + p), affiliation: "External", phoneNumber: null, methods: ["Invitee", "Attendee"],
    });
  });
  return parties;
}

type ExtraCallParticipants = NonNullable<ReturnType<typeof getExtraCall>>["participants"];
