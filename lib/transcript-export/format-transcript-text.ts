import { formatClockTime } from "./format-timestamp";
import type { TranscriptExport } from "./types";

/** "[00:01:23] Speaker: sentence" per line, under the call's title and start time. */
export function formatTranscriptText(transcript: TranscriptExport): string {
  const header = [transcript.title || "Untitled call", `Started ${transcript.startedAt.toISOString()}`];
  if (transcript.url) header.push(transcript.url);
  const lines = transcript.sentences
    .filter((sentence) => oneLine(sentence.text))
    .map((sentence) => `[${formatClockTime(sentence.startMs)}] ${oneLine(sentence.speaker)}: ${oneLine(sentence.text)}`);
  return `${[...header, "", ...lines].join("\n")}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
