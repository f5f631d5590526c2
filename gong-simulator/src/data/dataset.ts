import { listCallOwners, type Company } from "./company";
import { hashOf } from "./prng";

/** A call created through the control API; everything not given here is generated from (seed, index). */
export interface ExtraCall {
  index: number;
  startedMs: number;
  transcriptReadyMs: number;
  workspaceIndex?: number;
  primaryUserIndex?: number;
  title?: string;
  participants?: Array<{ emailAddress: string; name?: string; title?: string }>;
}

export interface Dataset {
  seed: number;
  company: Company;
  /** Seeded calls 0..callCount-1 start in [fromMs, toMs) in index order; extra calls follow. */
  callCount: number;
  fromMs: number;
  toMs: number;
  extraCalls: ExtraCall[];
}

const MS_PER_SENTENCE = 3_600;
// Numeric salts keep the per-index hashes on hashOf's fast integer path: filters call these 100,000s of times.
const SALT = { start: 11, owner: 12, size: 13, sizeLong: 14, late: 15 } as const;
const LATE_TRANSCRIPT_MS = 2 * 3600_000;
const NORMAL_TRANSCRIPT_LAG_MS = 5 * 60_000;
const STILL_TRANSCRIBING_WINDOW_MS = 4 * 3600_000;
const FIRST_RECENT_TRANSCRIPT_MS = 30 * 60_000;
const RECENT_TRANSCRIPT_SPREAD_MS = 2 * 3600_000;

export function countAllCalls(dataset: Dataset): number {
  return dataset.callCount + dataset.extraCalls.length;
}

export function getExtraCall(dataset: Dataset, index: number): ExtraCall | undefined {
  return index >= dataset.callCount ? dataset.extraCalls[index - dataset.callCount] : undefined;
}

export function getStartedMs(dataset: Dataset, index: number): number {
  const extra = getExtraCall(dataset, index);
  if (extra) return extra.startedMs;
  const step = (dataset.toMs - dataset.fromMs) / Math.max(1, dataset.callCount);
  const jitter = (hashOf(dataset.seed, SALT.start, index) / 4294967296) * 0.9;
  return dataset.fromMs + Math.floor((index + jitter) * step);
}

/** First seeded index whose start is at or after `ms` (start times grow with the index). */
export function findFirstIndexAtOrAfter(dataset: Dataset, ms: number): number {
  const { callCount, fromMs, toMs } = dataset;
  if (callCount === 0 || ms <= fromMs) return 0;
  let index = Math.min(callCount, Math.max(0, Math.floor(((ms - fromMs) / Math.max(1, toMs - fromMs)) * callCount)));
  while (index > 0 && getStartedMs(dataset, index - 1) >= ms) index--;
  while (index < callCount && getStartedMs(dataset, index) < ms) index++;
  return index;
}

export interface CallOwner { workspaceIndex: number; primaryUserIndex: number }

export function getCallOwner(dataset: Dataset, index: number): CallOwner {
  const extra = getExtraCall(dataset, index);
  const hash = hashOf(dataset.seed, SALT.owner, index);
  const workspaceCount = dataset.company.workspaces.length;
  const workspaceIndex = extra?.workspaceIndex ?? (hash % 100 < 70 || workspaceCount === 1 ? 0 : 1 + ((hash >>> 8) % (workspaceCount - 1)));
  const owners = listCallOwners(dataset.company, workspaceIndex);
  return { workspaceIndex, primaryUserIndex: extra?.primaryUserIndex ?? owners[(hash >>> 16) % owners.length]!.index };
}

/** Sentences in the transcript: mostly 20–200, about 1 % long (~1,500, a 90-minute call). */
export function getSentenceCount(dataset: Dataset, index: number): number {
  const hash = hashOf(dataset.seed, SALT.size, index);
  return hash % 100 === 0 ? 1_400 + (hashOf(dataset.seed, SALT.sizeLong, index) % 201) : 20 + ((hash >>> 8) % 181);
}

export function getDurationSeconds(dataset: Dataset, index: number): number {
  return Math.round((getSentenceCount(dataset, index) * MS_PER_SENTENCE) / 1000) + 7;
}

/**
 * When Gong has the transcript: 5 min after the call, 2 h for 2 % of calls. Calls that ended in the last 4 h
 * before `to` (start-up time by default) are still being transcribed then, as a real company's newest calls
 * are: theirs appear 30 min to 2.5 h after `to`.
 */
export function getTranscriptReadyMs(dataset: Dataset, index: number): number {
  const extra = getExtraCall(dataset, index);
  if (extra) return extra.transcriptReadyMs;
  const hash = hashOf(dataset.seed, SALT.late, index);
  const endedMs = getStartedMs(dataset, index) + getDurationSeconds(dataset, index) * 1000;
  const readyMs = endedMs + (hash % 50 === 0 ? LATE_TRANSCRIPT_MS : NORMAL_TRANSCRIPT_LAG_MS);
  if (endedMs <= dataset.toMs - STILL_TRANSCRIBING_WINDOW_MS) return readyMs;
  return Math.max(readyMs, dataset.toMs + FIRST_RECENT_TRANSCRIPT_MS + ((hash >>> 8) % RECENT_TRANSCRIPT_SPREAD_MS));
}
