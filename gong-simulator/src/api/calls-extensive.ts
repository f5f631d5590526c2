import { z } from "zod";
import { buildCallCore } from "../data/call-core";
import { HttpError } from "../http/respond";
import { readJsonBody } from "../http/respond";
import { requireScope } from "./auth";
import { toExtensiveCall } from "./call-extensive";
import { callsFilterSchema, selectCalls, NO_CALLS_FOUND } from "./call-filter";
import { contentSelectorSchema } from "./content-selector";
import { fingerprintInputs, paginate } from "./cursor";
import { parseGongRequest } from "./parse-request";
import type { ApiHandler } from "./types";

const extensiveRequestSchema = z.looseObject({
  cursor: z.string().nullish(),
  filter: callsFilterSchema,
  contentSelector: contentSelectorSchema,
});

/** POST /v2/calls/extensive – calls with the sections the content selector asks for. */
export const listCallsExtensive: ApiHandler = async ({ state, request, caller, endpoint }) => {
  requireScope(caller, "api:calls:read:extensive");
  const input = parseGongRequest(extensiveRequestSchema, await readJsonBody(request));
  const selector = input.contentSelector;
  if (selector?.contextTiming?.length && selector.context !== "Extended") {
    throw new HttpError(400, "contextTiming is only allowed when context is Extended");
  }
  if (selector?.exposedFields?.media) requireScope(caller, "api:calls:read:media-url");
  const selection = selectCalls(state.dataset, input.filter);
  const inputs = fingerprintInputs({ filter: input.filter, contentSelector: selector ?? null });
  const page = paginate(state, selection, { endpoint, inputs, cursor: input.cursor });
  if (page.items.length === 0) throw new HttpError(404, NO_CALLS_FOUND);
  const nowMs = Date.now();
  const calls = page.items.map((index) => toExtensiveCall(state, buildCallCore(state.dataset, index), selector, nowMs));
  return { body: { records: page.records, calls } };
};
