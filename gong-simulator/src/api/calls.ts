import { buildCallCore } from "../data/call-core";
import { countAllCalls } from "../data/dataset";
import { decodeId } from "../data/ids";
import { HttpError } from "../http/respond";
import { requireScope } from "./auth";
import { driftMetaData } from "./apply-drift";
import { toCallBasicData } from "./call-metadata";
import { selectCalls, NO_CALLS_FOUND } from "./call-filter";
import { fingerprintInputs, paginate } from "./cursor";
import type { ApiHandler } from "./types";

/** GET /v2/calls?fromDateTime&toDateTime&workspaceId&cursor – flat CallBasicData, 100 a page. */
export const listCalls: ApiHandler = ({ state, url, caller, endpoint }) => {
  requireScope(caller, "api:calls:read:basic");
  const filter = {
    fromDateTime: url.searchParams.get("fromDateTime"),
    toDateTime: url.searchParams.get("toDateTime"),
    workspaceId: url.searchParams.get("workspaceId"),
  };
  const selection = selectCalls(state.dataset, filter, { scheduledTimeForConferences: true });
  const page = paginate(state, selection, { endpoint, inputs: fingerprintInputs(filter), cursor: url.searchParams.get("cursor") });
  if (page.items.length === 0) throw new HttpError(404, NO_CALLS_FOUND);
  return { body: { records: page.records, calls: page.items.map((index) => driftMetaData(state, index, toCallBasicData(state.origin, buildCallCore(state.dataset, index)))) } };
};

/** GET /v2/calls/{id} */
export const getCall: ApiHandler = ({ state, params, caller }) => {
  requireScope(caller, "api:calls:read:basic");
  const id = params.id ?? "";
  const index = decodeId("call", state.dataset.seed, id);
  if (index === undefined || index >= countAllCalls(state.dataset)) throw new HttpError(404, `Call ID ${id} was not found`);
  return { body: { call: driftMetaData(state, index, toCallBasicData(state.origin, buildCallCore(state.dataset, index))) } };
};
