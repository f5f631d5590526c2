import { formatVttTimestamp } from "./format-timestamp";
import type { ExportSentence, TranscriptExport } from "./types";

/**
 * WebVTT (https://www.w3.org/TR/webvtt1/): one cue per sentence with a `<v Speaker>` voice span. The rules a
 * cue must keep: start times never decrease, each cue ends after it starts, the text has no blank line and no
 * "-->", and `&`, `<` and `>` are escaped (in the voice annotation too).
 */
export function formatTranscriptVtt(transcript: TranscriptExport): string {
  const cues = [...transcript.sentences]
    .map((sentence, order) => ({ sentence, order }))
    .sort((a, b) => a.sentence.startMs - b.sentence.startMs || a.order - b.order)
    .flatMap(({ sentence }) => formatCue(sentence));
  const title = escapeVtt(oneLine(transcript.title || "Untitled call"));
  return `WEBVTT - ${title.replaceAll("-->", "->")}\n\n${cues.join("\n\n")}${cues.length ? "\n" : ""}`;
}

function formatCue(sentence: ExportSentence): string[] {
  const text = escapeVtt(oneLine(sentence.text)).replaceAll("--&gt;", "-&gt;");
  if (!text) return [];
  const startMs = Math.max(0, Math.round(sentence.startMs));
  const endMs = Math.max(startMs + 1, Math.round(sentence.endMs));
  const speaker = escapeVtt(oneLine(sentence.speaker));
  return [`${formatVttTimestamp(startMs)} --> ${formatVttTimestamp(endMs)}\n<v ${speaker}>${text}</v>`];
}

function escapeVtt(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
