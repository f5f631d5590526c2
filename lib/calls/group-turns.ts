/** A transcript sentence as the call page reads it. */
export type TranscriptSentence = { position: number; speakerId: string | null; startMs: number; endMs: number; text: string };

/** Consecutive sentences of one speaker, shown as one labelled block. */
export type TranscriptTurn = { speakerId: string | null; startMs: number; sentences: TranscriptSentence[] };

/** Groups sentences (already in transcript order) into speaker turns. */
export function groupTurns(sentences: TranscriptSentence[]): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  for (const sentence of sentences) {
    const last = turns.at(-1);
    if (last && last.speakerId === sentence.speakerId) last.sentences.push(sentence);
    else turns.push({ speakerId: sentence.speakerId, startMs: sentence.startMs, sentences: [sentence] });
  }
  return turns;
}

/** "12:05" or "1:02:05" for a transcript offset. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
