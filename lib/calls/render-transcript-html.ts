import { formatOffset, groupTurns, type TranscriptSentence } from "./group-turns";
import type { SpeakerLabel } from "./speaker-labels";

const SIDE_WORDS = { Internal: "us", External: "them" } as const;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values from Gong (names, what was said) as HTML that can only ever be text. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/**
 * The transcript's list items as one HTML string: the speaker-labelled turns, each with its seek button, and
 * every sentence as `span#s-<position>[data-sentence][data-ms]` (the search, the player and the insights' links
 * find them so). A two-hour call has ~1,500 turns; as React elements they
 * cost the call page most of its server time (rendered twice, to HTML and to React's payload), as one string
 * they cost a few milliseconds.
 */
export function renderTranscriptHtml(sentences: TranscriptSentence[], labels: Map<string | null, SpeakerLabel>): string {
  const parts: string[] = [];
  for (const turn of groupTurns(sentences)) {
    const label = labels.get(turn.speakerId);
    const side = label?.side ?? "Unknown";
    const offset = formatOffset(turn.startMs);
    const sideWord = side === "Unknown" ? "" : `<span>· ${SIDE_WORDS[side]}</span>`;
    parts.push(
      `<li data-side="${side}" data-speaker="${label?.color ?? 0}">`,
      `<button type="button" data-seek-ms="${Math.round(turn.startMs)}" aria-label="Play from ${offset}">${offset}</button>`,
      `<div><p>${escapeHtml(label?.label ?? "Unknown speaker")}${sideWord}</p><p>`,
    );
    for (const sentence of turn.sentences) {
      parts.push(`<span id="s-${Math.trunc(sentence.position)}" data-sentence="true" data-ms="${Math.round(sentence.startMs)}">${escapeHtml(sentence.text)} </span>`);
    }
    parts.push("</p></div></li>");
  }
  return parts.join("");
}
