import type { TranscriptExport } from "./types";

/** The call's facts and its sentences, in the API's snake_case. */
export function formatTranscriptJson(transcript: TranscriptExport): string {
  const body = {
    call: {
      id: transcript.callId,
      title: transcript.title,
      started_at: transcript.startedAt.toISOString(),
      duration_seconds: transcript.durationSeconds,
      url: transcript.url,
    },
    sentences: transcript.sentences.map((sentence) => ({
      start_ms: sentence.startMs,
      end_ms: sentence.endMs,
      speaker: sentence.speaker,
      text: sentence.text,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
