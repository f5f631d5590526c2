/** A call's transcript as it leaves Callbridge: speakers already labelled, sentences in transcript order. */
export type TranscriptExport = {
  callId: string;
  title: string;
  startedAt: Date;
  durationSeconds: number | null;
  url: string | null;
  sentences: ExportSentence[];
};

export type ExportSentence = { speaker: string; startMs: number; endMs: number; text: string };

export const TRANSCRIPT_FORMATS = ["txt", "vtt", "json"] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];
