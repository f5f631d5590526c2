import type { Kysely } from "kysely";
import { getCallConnectionFacts, listCallPageParties, listTranscriptSentences } from "@/db/queries/call-page";
import type { Call, Database } from "@/db/schema";
import { labelSpeakers } from "@/lib/calls/speaker-labels";
import type { TranscriptExport } from "./types";

/**
 * The export of a call the caller has already been allowed to see. Speakers are labelled as on the call page:
 * names only when the connection includes speaker labels, "Speaker 1", "Speaker 2"… otherwise.
 */
export async function loadTranscriptExport(
  db: Kysely<Database>,
  call: Pick<Call, "id" | "organization_id" | "connection_id" | "title" | "started_at" | "duration_seconds" | "url">,
): Promise<TranscriptExport> {
  const [parties, sentences, connection] = await Promise.all([
    listCallPageParties(db, call),
    listTranscriptSentences(db, call.id),
    getCallConnectionFacts(db, call.connection_id),
  ]);
  const labels = labelSpeakers(parties, sentences.map((sentence) => sentence.speakerId), connection?.includeSpeakerLabels ?? true);
  return {
    callId: call.id,
    title: call.title,
    startedAt: new Date(call.started_at),
    durationSeconds: call.duration_seconds,
    url: call.url,
    sentences: sentences.map((sentence) => ({
      speaker: labels.get(sentence.speakerId)?.label ?? "Speaker",
      startMs: sentence.startMs,
      endMs: sentence.endMs,
      text: sentence.text,
    })),
  };
}
