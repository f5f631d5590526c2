import "server-only";
import { assertCallIds } from "./call-ids";
import { buildContentSelector, type ContentSelectorOptions } from "./content-selector";
import { type GongDateInput, toGongDateTime } from "./dates";
import { type GongContext, requestGong } from "./http";
import { emptyPage, type GongPage, iteratePages, toPage } from "./pagination";
import { parseRecords } from "./parse-records";
import { type ExtensiveCall, extensiveCallSchema, extensiveCallsResponseSchema } from "./schemas/extensive-calls";

export type ExtensiveCallsFilter = {
  /** Inclusive start time. */
  fromDateTime?: GongDateInput;
  /** Exclusive start time. */
  toDateTime?: GongDateInput;
  workspaceId?: string;
  callIds?: string[];
  primaryUserIds?: string[];
};

export type ListExtensiveCallsInput = {
  filter: ExtensiveCallsFilter;
  content?: ContentSelectorOptions;
};

/**
 * One page of `POST /v2/calls/extensive` (scope `api:calls:read:extensive`, plus `api:calls:read:media-url`
 * when `content.media` is set). Nothing matching is an empty page; a call that fails validation is in `rejected`.
 */
export async function listExtensiveCalls(
  ctx: GongContext,
  input: ListExtensiveCallsInput & { cursor?: string },
): Promise<GongPage<ExtensiveCall>> {
  const { filter } = input;
  assertCallIds(filter.callIds);
  const response = await requestGong(ctx, {
    method: "POST",
    endpoint: "/v2/calls/extensive",
    path: "/v2/calls/extensive",
    body: {
      ...(input.cursor ? { cursor: input.cursor } : {}),
      filter: {
        fromDateTime: toGongDateTime(filter.fromDateTime),
        toDateTime: toGongDateTime(filter.toDateTime),
        workspaceId: filter.workspaceId,
        callIds: filter.callIds,
        primaryUserIds: filter.primaryUserIds,
      },
      contentSelector: buildContentSelector(input.content),
    },
    schema: extensiveCallsResponseSchema,
    emptyOn404: true,
  });
  if (!response) return emptyPage();
  const { valid, rejected } = parseRecords(response.calls, extensiveCallSchema, (call) => (call as { metaData?: { id?: unknown } } | null)?.metaData?.id);
  return toPage(valid, response.records, rejected);
}

/** Every page of `POST /v2/calls/extensive`, starting at `cursor` when given. */
export function iterateExtensiveCalls(ctx: GongContext, input: ListExtensiveCallsInput, cursor?: string) {
  return iteratePages((next) => listExtensiveCalls(ctx, { ...input, cursor: next }), cursor);
}
