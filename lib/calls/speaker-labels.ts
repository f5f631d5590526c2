export type SpeakerLabel = { label: string; side: "Internal" | "External" | "Unknown" | null };

type LabelParty = { speakerId: string | null; name: string | null; email: string | null; affiliation: string };

/**
 * How each transcript speaker is labelled: their name and side when the connection includes speaker
 * labels, else "Speaker 1", "Speaker 2"… in order of first appearance.
 */
export function labelSpeakers(parties: LabelParty[], speakerIdsInOrder: (string | null)[], includeNames: boolean): Map<string | null, SpeakerLabel> {
  const partyBySpeaker = new Map(parties.flatMap((party) => (party.speakerId ? [[party.speakerId, party] as const] : [])));
  const labels = new Map<string | null, SpeakerLabel>();
  for (const speakerId of speakerIdsInOrder) {
    if (labels.has(speakerId)) continue;
    const party = speakerId ? partyBySpeaker.get(speakerId) : undefined;
    const side = party && ["Internal", "External"].includes(party.affiliation) ? (party.affiliation as "Internal" | "External") : "Unknown";
    labels.set(
      speakerId,
      includeNames
        ? { label: party?.name ?? party?.email ?? "Unknown speaker", side }
        : { label: `Speaker ${labels.size + 1}`, side: null },
    );
  }
  return labels;
}
