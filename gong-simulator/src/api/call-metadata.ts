import type { CallCore, PartyCore } from "../data/call-core";
import { formatGongDate } from "../data/dates";
import { derivedId } from "../data/ids";
import { hashOf } from "../data/prng";

/** `CallBasicData`: the flat call of GET /v2/calls and `metaData` of calls/extensive. */
export function toCallBasicData(origin: string, core: CallCore): Record<string, unknown> {
  const zoom = core.system === "Zoom";
  const google = core.system === "Google Meet";
  const call: Record<string, unknown> = {
    id: core.id,
    url: `${origin}/call?id=${core.id}`,
    title: core.title,
    scheduled: formatGongDate(core.scheduledMs, core.offsetMinutes, "seconds"),
    started: formatGongDate(core.startedMs, core.offsetMinutes, core.precision, core.micros),
    duration: core.durationSeconds,
    primaryUserId: core.primaryUser.id,
    direction: core.direction,
    system: core.system,
    scope: core.scope,
    media: core.media,
    language: core.index % 29 === 5 ? "und" : "eng",
    workspaceId: core.workspaceId,
    sdrDisposition: core.imported ? (core.index % 2 === 0 ? "Got the gatekeeper" : "Left voicemail") : null,
    clientUniqueId: core.imported ? `IMP-${derivedId("import", core.id).slice(0, 12)}` : null,
    customData: null,
    purpose: core.purpose,
    isPrivate: core.isPrivate,
  };
  // Gong sends null for the four fields above when unset (API.md §2.4); other unset fields are left out.
  if (zoom) call.meetingUrl = `https://zoom.us/j/${derivedId("zoom", core.id).slice(0, 11)}`;
  if (google) call.meetingUrl = `https://meet.google.com/${meetCode(core.id)}`;
  if (!core.imported) call.calendarEventId = `${derivedId("event", core.id).slice(0, 16)}@${google ? "google.com" : "outlook.com"}`;
  // Gong adds fields without notice; clients must ignore what they don't know.
  if (core.hasNewField) call.someNewField = { addedBy: "simulator", note: "unknown fields must be ignored" };
  return call;
}

function meetCode(id: string): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const h = hashOf("meet", id);
  const at = (shift: number) => letters[(h >>> shift) % 26];
  return `${at(0)}${at(3)}${at(6)}-${at(9)}${at(12)}${at(15)}${at(18)}-${at(21)}${at(24)}${at(27)}`;
}

function salesforceId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}${derivedId(...parts).slice(0, 12)}AAC`;
}

export type ContextLevel = "None" | "Basic" | "Extended";
export type Timing = "Now" | "TimeOfCall";

export function buildCallContext(core: CallCore, level: ContextLevel, timings: Timing[]): unknown[] {
  if (level === "None" || core.imported) return [];
  const stage = ["Discovery", "Qualification", "Proposal", "Negotiation", "Closed Won"][core.index % 5]!;
  const objects = timings.flatMap((timing) => [
    { objectType: "Opportunity", objectId: salesforceId("006", "opp", core.customer.name, core.primaryUser.id), timing,
      fields: [{ name: "StageName", value: timing === "TimeOfCall" ? "Discovery" : stage }, { name: "Amount", value: 12_000 + (core.index % 40) * 1_500 }] },
    { objectType: "Account", objectId: salesforceId("001", "account", core.customer.name), timing, fields: [{ name: "Website", value: core.customer.domain }, { name: "Industry", value: core.customer.industry }] },
  ]);
  return [{ system: "Salesforce", objects: level === "Basic" ? objects.map(({ fields: _fields, ...link }) => link) : objects }];
}

export function toParty(core: CallCore, party: PartyCore, level: ContextLevel, timings: Timing[]): Record<string, unknown> {
  // speakerId is null for a party who never spoke (API.md §2.4); other unknown details are left out.
  const json: Record<string, unknown> = { id: party.id, speakerId: party.speakerId, affiliation: party.affiliation, methods: party.methods };
  if (party.emailAddress) json.emailAddress = party.emailAddress;
  if (party.name) json.name = party.name;
  if (party.title) json.title = party.title;
  if (party.userId) json.userId = party.userId;
  if (party.phoneNumber) json.phoneNumber = party.phoneNumber;
  if (level !== "None" && party.emailAddress) {
    const objectType = party.affiliation === "Internal" ? "User" : "Contact";
    const objects = timings.map((timing) => ({
      objectType, objectId: salesforceId(objectType === "User" ? "005" : "003", "person", party.emailAddress!), timing,
      ...(level === "Extended" ? { fields: [{ name: "Title", value: party.title }, { name: "Account_Name__c", value: party.affiliation === "Internal" ? "Acme" : core.customer.name }] } : {}),
    }));
    json.context = [{ system: "Salesforce", objects }];
  }
  return json;
}
