import { type GongContext, iterateCallTranscripts } from "@/lib/gong/client";
import type { RejectedRecord } from "@/lib/gong/parse-records";
import { type SegmentRecord, toSegmentRecords } from "./to-call-records";

export const TRANSCRIPT_SCOPE = "api:calls:read:transcript";

export type FetchedTranscripts = {
  /** The transcripts that arrived, by Gong call id. */
  transcripts: Map<string, SegmentRecord[]>;
  /** Transcripts that arrived but failed validation (a sentence without text, say): to be quarantined. */
  rejected: RejectedRecord[];
};

export const noTranscripts = (): FetchedTranscripts => ({ transcripts: new Map(), rejected: [] });

/**
 * Every transcript Gong has for these calls (at most 100), by Gong call id. Usually one `calls/transcript`
 * request; when Gong pages the answer its cursor is followed within the same step, while it is fresh.
 */
export async function fetchTranscripts(context: GongContext, gongIds: string[]): Promise<FetchedTranscripts> {
  const fetched = noTranscripts();
  if (gongIds.length === 0) return fetched;
  for await (const page of iterateCallTranscripts(context, { callIds: gongIds })) {
    for (const transcript of page.items) fetched.transcripts.set(transcript.callId, toSegmentRecords(transcript));
    fetched.rejected.push(...page.rejected);
  }
  return fetched;
}
