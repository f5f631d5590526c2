import { z } from "zod";
import { buildCallCore, MAX_START_AFTER_SCHEDULED_MS } from "../data/call-core";
import { countAllCalls, findFirstIndexAtOrAfter, getCallOwner, getStartedMs, getTranscriptReadyMs, type Dataset } from "../data/dataset";
import { parseGongDate } from "../data/dates";
import { decodeId, encodeId } from "../data/ids";
import { HttpError } from "../http/respond";
import { selectFromKeys, type Selection } from "./selection";

export const callsFilterSchema = z.looseObject({
  fromDateTime: z.string().nullish(),
  toDateTime: z.string().nullish(),
  workspaceId: z.string().nullish(),
  callIds: z.array(z.string()).nullish(),
  primaryUserIds: z.array(z.string()).nullish(),
});
export type CallsFilter = z.infer<typeof callsFilterSchema>;

export const NO_CALLS_FOUND = "No calls found corresponding to the provided filters";

function readDate(value: string | null | undefined, name: string): number | undefined {
  const parsed = parseGongDate(value ?? undefined);
  if (parsed === "invalid") throw new HttpError(400, `Invalid ${name}: expected an ISO-8601 date-time such as 2018-02-18T02:30:00-07:00`);
  return parsed;
}

export interface SelectOptions {
  /** Leave out calls whose transcript is not ready at this time. */
  transcriptReadyAt?: number;
  /** GET /v2/calls: Gong-recorded web conferences match on their scheduled time, other calls on their start (API.md §2.2). */
  scheduledTimeForConferences?: boolean;
}

/** The time a date filter compares: the start, or the scheduled time of a Gong-recorded conference. */
function getFilterTimeMs(dataset: Dataset, index: number, options: SelectOptions): number {
  if (!options.scheduledTimeForConferences) return getStartedMs(dataset, index);
  const core = buildCallCore(dataset, index);
  return core.imported ? core.startedMs : core.scheduledMs;
}

/**
 * The calls matching a Gong calls filter, by ascending index (= start time): `from` inclusive, `to`
 * exclusive. Lazy: a page visits only as many indexes as it needs, and each visit costs a few hashes.
 */
export function selectCalls(dataset: Dataset, filter: CallsFilter, options: SelectOptions = {}): Selection {
  const fromMs = readDate(filter.fromDateTime, "fromDateTime");
  const toMs = readDate(filter.toDateTime, "toDateTime");
  if (filter.callIds && filter.callIds.length === 0) throw new HttpError(400, "callIds must not be empty");
  const total = countAllCalls(dataset);
  const workspaceIndex = filter.workspaceId ? dataset.company.workspaces.findIndex((workspace) => workspace.id === filter.workspaceId) : undefined;
  const owners = filter.primaryUserIds ? new Set(filter.primaryUserIds) : undefined;
  const inTime = (index: number) => {
    const time = getFilterTimeMs(dataset, index, options);
    return (fromMs === undefined || time >= fromMs) && (toMs === undefined || time < toMs);
  };
  const hasOwnPredicates = workspaceIndex !== undefined || owners !== undefined || options.transcriptReadyAt !== undefined;
  const matches = (index: number) => {
    if (workspaceIndex !== undefined || owners) {
      const owner = getCallOwner(dataset, index);
      if (workspaceIndex !== undefined && owner.workspaceIndex !== workspaceIndex) return false;
      if (owners && !owners.has(encodeId("user", dataset.seed, owner.primaryUserIndex))) return false;
    }
    return options.transcriptReadyAt === undefined || getTranscriptReadyMs(dataset, index) <= options.transcriptReadyAt;
  };
  const checked = (index: number) => inTime(index) && matches(index);
  if (filter.callIds) {
    const decoded = filter.callIds.map((id) => decodeId("call", dataset.seed, id)).filter((index): index is number => index !== undefined && index < total);
    return selectFromKeys([...new Set(decoded)].sort((a, b) => a - b).filter(checked));
  }
  // Seeded calls are sorted by start, so the date range is an index range. A scheduled time lies at most
  // MAX_START_AFTER_SCHEDULED_MS before the start, so only calls starting that close to a bound need a look;
  // created calls are checked one by one.
  const slack = options.scheduledTimeForConferences ? MAX_START_AFTER_SCHEDULED_MS : 0;
  const low = fromMs === undefined ? 0 : findFirstIndexAtOrAfter(dataset, fromMs);
  const high = toMs === undefined ? dataset.callCount : findFirstIndexAtOrAfter(dataset, toMs);
  const surelyAfterFrom = Math.min(high, fromMs === undefined ? low : findFirstIndexAtOrAfter(dataset, fromMs + slack));
  const maybeBeforeTo = toMs === undefined ? high : findFirstIndexAtOrAfter(dataset, toMs + slack);
  const ranges = [
    { start: low, end: surelyAfterFrom, accept: checked },
    { start: surelyAfterFrom, end: high, accept: hasOwnPredicates ? matches : undefined },
    { start: high, end: maybeBeforeTo, accept: checked },
    { start: dataset.callCount, end: total, accept: checked },
  ];
  return {
    count() {
      let count = 0;
      for (const { start, end, accept } of ranges) {
        if (!accept) count += Math.max(0, end - start);
        else for (let index = start; index < end; index++) if (accept(index)) count++;
      }
      return count;
    },
    after(after, limit) {
      const out: number[] = [];
      for (const { start, end, accept } of ranges) {
        for (let index = Math.max(start, after + 1); index < end && out.length < limit; index++) if (!accept || accept(index)) out.push(index);
      }
      return out;
    },
  };
}
