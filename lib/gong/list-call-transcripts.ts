import "server-only";
import { assertCallIds } from "./call-ids";
import { type GongDateInput, toGongDateTime } from "./dates";
import { type GongContext, requestGong } from "./http";
import { emptyPage, type GongPage, iteratePages, toPage } from "./pagination";
import { parseRecords } from "./parse-records";
import { type CallTranscript, callTranscriptSchema, callTranscriptsResponseSchema } from "./schemas/transcripts";

/** Gong publishes no maximum; 100 matches its page size and Nango's batching. */
export const MAX_TRANSCRIPT_CALL_IDS = 100;

export type ListCallTranscriptsInput = {
  callIds: string[];
  fromDateTime?: GongDateInput;
  toDateTime?: GongDateInput;
  workspaceId?: string;
};

/**
 * One page of `POST /v2/calls/transcript` (scope `api:calls:read:transcript`). Calls without a transcript yet
 * are simply missing from the page; nothing matching is an empty page; a transcript that fails validation is in
 * `rejected`.
 */
export async function listCallTranscripts(
  ctx: GongContext,
  input: ListCallTranscriptsInput & { cursor?: string },
): Promise<GongPage<CallTranscript>> {
  assertCallIds(input.callIds, MAX_TRANSCRIPT_CALL_IDS);
  const response = await requestGong(ctx, {
    method: "POST",
    endpoint: "/v2/calls/transcript",
    path: "/v2/calls/transcript",
    body: {
      ...(input.cursor ? { cursor: input.cursor } : {}),
      filter: {
        fromDateTime: toGongDateTime(input.fromDateTime),
        toDateTime: toGongDateTime(input.toDateTime),
        workspaceId: input.workspaceId,
        callIds: input.callIds,
      },
    },
    schema: callTranscriptsResponseSchema,
    emptyOn404: true,
  });
  if (!response) return emptyPage();
  const { valid, rejected } = parseRecords(response.callTranscripts, callTranscriptSchema, (transcript) => (transcript as { callId?: unknown } | null)?.callId);
  return toPage(valid, response.records, rejected);
}

/** Every page of `POST /v2/calls/transcript` for one batch of at most 100 call ids. */
export function iterateCallTranscripts(ctx: GongContext, input: ListCallTranscriptsInput, cursor?: string) {
  return iteratePages((next) => listCallTranscripts(ctx, { ...input, cursor: next }), cursor);
}
