import "server-only";
import { type GongDateInput, toGongDateTime } from "./dates";
import { type GongContext, requestGong } from "./http";
import { emptyPage, type GongPage, iteratePages, toPage } from "./pagination";
import { type CallBasicData, listCallsResponseSchema } from "./schemas/calls";

export type ListCallsInput = {
  /** Inclusive. For Gong-recorded web conferences Gong filters on the scheduled time, otherwise the start. */
  fromDateTime: GongDateInput;
  /** Exclusive. */
  toDateTime: GongDateInput;
  workspaceId?: string;
};

/** One page of `GET /v2/calls` (scope `api:calls:read:basic`); an empty range is an empty page, not an error. */
export async function listCalls(
  ctx: GongContext,
  input: ListCallsInput & { cursor?: string },
): Promise<GongPage<CallBasicData>> {
  const response = await requestGong(ctx, {
    method: "GET",
    endpoint: "/v2/calls",
    path: "/v2/calls",
    query: {
      fromDateTime: toGongDateTime(input.fromDateTime),
      toDateTime: toGongDateTime(input.toDateTime),
      workspaceId: input.workspaceId,
      cursor: input.cursor,
    },
    schema: listCallsResponseSchema,
    emptyOn404: true,
  });
  return response ? toPage(response.calls, response.records) : emptyPage();
}

/** Every page of `GET /v2/calls`, starting at `cursor` when given. */
export function iterateCalls(ctx: GongContext, input: ListCallsInput, cursor?: string) {
  return iteratePages((next) => listCalls(ctx, { ...input, cursor: next }), cursor);
}
