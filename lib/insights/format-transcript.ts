import type { InsightParty, InsightSegment } from "./types";

function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${minutes}:${rest}` : `${minutes}:${rest}`;
}

/** Plain-text transcript for an LLM: one line per speaker turn, "[mm:ss] Name (Internal): text". */
export function formatTranscript(segments: InsightSegment[], parties: InsightParty[]): string {
  const partyById = new Map(parties.flatMap((party) => (party.speakerId ? [[party.speakerId, party] as const] : [])));
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs || a.index - b.index);
  const lines: string[] = [];
  let speaker: string | null | undefined;
  for (const segment of sorted) {
    if (segment.speakerId === speaker && lines.length > 0) {
      lines[lines.length - 1] += ` ${segment.text.trim()}`;
      continue;
    }
    speaker = segment.speakerId;
    const party = segment.speakerId ? partyById.get(segment.speakerId) : undefined;
    const label = party ? `${party.name ?? party.email ?? "Unknown speaker"} (${party.affiliation})` : "Unknown speaker";
    lines.push(`[${formatClock(segment.startMs)}] ${label}: ${segment.text.trim()}`);
  }
  return lines.join("\n");
}
