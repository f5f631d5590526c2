/** Distinct speaker colours (globals.css --speaker-0 …); speakers past the last share them in turn. */
export const SPEAKER_COLOR_COUNT = 8;

/** `color` is the speaker's colour slot, by first appearance in the transcript. */
export type SpeakerLabel = { label: string; side: "Internal" | "External" | "Unknown" | null; color: number };

type LabelParty = { speakerId: string | null; name: string | null; email: string | null; affiliation: string };

/**
 * How each transcript speaker is labelled, in order of first appearance: their name and side when the
 * connection includes speaker labels, and "Speaker 1", "Speaker 2"… for speakers without a name (every
 * speaker when labels are off), so three unnamed voices never read as one "Unknown speaker".
 */
export function labelSpeakers(parties: LabelParty[], speakerIdsInOrder: (string | null)[], includeNames: boolean): Map<string | null, SpeakerLabel> {
  const partyBySpeaker = new Map(parties.flatMap((party) => (party.speakerId ? [[party.speakerId, party] as const] : [])));
  const labels = new Map<string | null, SpeakerLabel>();
  let unnamed = 0;
  for (const speakerId of speakerIdsInOrder) {
    if (labels.has(speakerId)) continue;
    const party = speakerId ? partyBySpeaker.get(speakerId) : undefined;
    const side = party && ["Internal", "External"].includes(party.affiliation) ? (party.affiliation as "Internal" | "External") : "Unknown";
    const name = includeNames ? (party?.name ?? party?.email) : undefined;
    labels.set(speakerId, {
      label: name ?? `Speaker ${++unnamed}`,
      side: includeNames ? side : null,
      color: labels.size % SPEAKER_COLOR_COUNT,
    });
  }
  return labels;
}
