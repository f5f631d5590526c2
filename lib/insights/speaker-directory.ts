import type { Affiliation, InsightParty, Side, SpeakerRef } from "./types";

export type SpeakerDirectory = {
  resolve: (speakerId: string | null) => SpeakerRef;
  /** Parties that have a speaker id, in party order, even if they never spoke. */
  parties: SpeakerRef[];
};

export function toSide(affiliation: Affiliation): Side {
  if (affiliation === "Internal") return "internal";
  if (affiliation === "External") return "external";
  return "unknown";
}

/** Looks speakers up by id; the first party wins when Gong lists a speaker id twice. */
export function createSpeakerDirectory(parties: InsightParty[]): SpeakerDirectory {
  const byId = new Map<string, SpeakerRef>();
  for (const party of parties) {
    if (party.speakerId === null || byId.has(party.speakerId)) continue;
    byId.set(party.speakerId, {
      speakerId: party.speakerId,
      name: party.name ?? party.email,
      side: toSide(party.affiliation),
    });
  }
  return {
    resolve: (speakerId) =>
      (speakerId === null ? undefined : byId.get(speakerId)) ?? { speakerId, name: null, side: "unknown" },
    parties: [...byId.values()],
  };
}
