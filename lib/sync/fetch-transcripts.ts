import { type GongContext, iterateCallTranscripts } from "@/lib/gong/client";
import { type SegmentRecord, toSegmentRecords } from "./to-call-records";

export const TRANSCRIPT_SCOPE = "api:calls:read:transcript";

/**
 * Every transcript Gong has for these calls (at most 100), by Gong call id. Usually one `calls/transcript`
 * request; when Gong pages the answer its cursor is followed within the same step, while it is fresh.
 */
export async function fetchTranscripts(context: GongContext, gongIds: string[]): Promise<Map<string, SegmentRecord[]>> {
  const transcripts = new Map<string, SegmentRecord[]>();
  if (gongIds.length === 0) return transcripts;
  for await (const page of iterateCallTranscripts(context, { callIds: gongIds })) {
    for (const transcript of page.items) transcripts.set(transcript.callId, toSegmentRecords(transcript));
  }
  return transcripts;
}
