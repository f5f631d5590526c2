import type { Kysely } from "kysely";
import type { CallViewer } from "@/db/queries/call-access";
import { type StoredCallMedia, claimCallMediaFetch, releaseCallMediaFetch, storeCallMedia } from "@/db/queries/call-media";
import { getCallConnectionFacts, getVisibleCall } from "@/db/queries/call-page";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const MEDIA_SCOPE = "api:calls:read:media-url";

/** Gong's media URLs expire 8 hours after they are issued; an hour's margin keeps a playing recording alive. */
export const MEDIA_URL_MAX_AGE_MS = 7 * 60 * 60 * 1000;

/**
 * How long Gong's "no recording" is believed. A call that just ended may still be processing (its recording usually
 * appears within minutes), and many calls never have one (not recorded, imported). Fifteen minutes shows a new
 * recording soon enough, and bounds what opening such a call costs Gong at 4 requests an hour, however often it is opened.
 */
export const NO_MEDIA_MAX_AGE_MS = 15 * 60 * 1000;

/** Outlasts any fetch (the pacer waits at most 5 s and the request 30 s), so a lease is left behind only by a crash. */
const MEDIA_FETCH_LEASE_SECONDS = 60;
/** How long a request waits for another replica's fetch of the same call before answering 503. */
const WAIT_FOR_OTHER_FETCH_MS = 10_000;
const POLL_MS = 200;

export type CallMedia = { audioUrl: string | null; videoUrl: string | null };

/** The stored recording links still play: Gong signed them less than 7 hours ago. */
export function hasFreshStoredMedia(call: StoredCallMedia, now: Date = new Date()): boolean {
  const fetchedAt = call.media_fetched_at;
  return !!fetchedAt && now.getTime() - fetchedAt.getTime() < MEDIA_URL_MAX_AGE_MS && !!(call.audio_url || call.video_url);
}

/** What is stored, while it still holds: links younger than 7 hours, or Gong's "no recording" younger than 15 minutes. */
export function getFreshStoredMedia(call: StoredCallMedia, now: Date): CallMedia | null {
  const stored = { audioUrl: call.audio_url, videoUrl: call.video_url };
  if (hasFreshStoredMedia(call, now)) return stored;
  const answeredNone = !!call.media_fetched_at && !call.audio_url && !call.video_url;
  return answeredNone && now.getTime() - call.media_fetched_at!.getTime() < NO_MEDIA_MAX_AGE_MS ? stored : null;
}

export type FetchGongCallMedia = (connectionId: string, callGongId: string) => Promise<CallMedia>;

export type CallMediaSources = {
  fetchMedia: FetchGongCallMedia;
  /** Called before a request that would ask Gong: the place for the per-user limit on those. */
  beforeGongFetch?: () => Promise<void>;
};

/**
 * A playable media URL (or none) for a call the viewer may see: the stored answer while it holds, else one from
 * Gong (then stored). Gong is asked by one request per call at a time across every replica; the rest wait for its
 * answer. Not visible → not_found; no media scope → conflict.
 */
export async function getCallMedia(
  db: Kysely<Database>,
  viewer: CallViewer,
  callId: string,
  sources: CallMediaSources,
  now: Date = new Date(),
): Promise<CallMedia> {
  const call = await getVisibleCall(db, viewer, callId);
  if (!call) throw new AppError("not_found", "Call not found.");
  const stored = getFreshStoredMedia(call, now);
  if (stored) return stored;
  const connection = await getCallConnectionFacts(db, call.connection_id);
  if (!connection || connection.status !== "connected") {
    throw new AppError("conflict", "Gong is not connected, so the recording can't be fetched.");
  }
  if (!connection.grantedScopes.includes(MEDIA_SCOPE)) {
    throw new AppError("conflict", `The Gong connection was not granted ${MEDIA_SCOPE}, so recordings can't be played.`);
  }
  await sources.beforeGongFetch?.();
  return fetchOncePerCall(db, { id: call.id, connectionId: call.connection_id, gongId: call.gong_id }, sources.fetchMedia, now);
}

type MediaCall = { id: string; connectionId: string; gongId: string };

/** This process's fetches in flight, by call: concurrent requests share one instead of each taking turns at the lease. */
const inFlight = new Map<string, Promise<CallMedia>>();

function fetchOncePerCall(db: Kysely<Database>, call: MediaCall, fetchMedia: FetchGongCallMedia, now: Date): Promise<CallMedia> {
  const pending = inFlight.get(call.id);
  if (pending) return pending;
  const attempt = claimAndFetch(db, call, fetchMedia, now).finally(() => inFlight.delete(call.id));
  inFlight.set(call.id, attempt);
  return attempt;
}

async function claimAndFetch(db: Kysely<Database>, call: MediaCall, fetchMedia: FetchGongCallMedia, now: Date): Promise<CallMedia> {
  const deadline = Date.now() + WAIT_FOR_OTHER_FETCH_MS;
  const staleBefore = {
    leaseSeconds: MEDIA_FETCH_LEASE_SECONDS,
    linksStaleBefore: new Date(now.getTime() - MEDIA_URL_MAX_AGE_MS),
    noMediaStaleBefore: new Date(now.getTime() - NO_MEDIA_MAX_AGE_MS),
  };
  for (;;) {
    const claim = await claimCallMediaFetch(db, call.id, staleBefore);
    if (claim.claimed) return fetchAndStore(db, call, fetchMedia, now);
    const stored = getFreshStoredMedia(claim.stored, now);
    if (stored) return stored;
    if (Date.now() >= deadline) {
      throw new AppError("unavailable", "Gong is still being asked for this recording; try again in a moment.", { headers: { "Retry-After": "2" } });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function fetchAndStore(db: Kysely<Database>, call: MediaCall, fetchMedia: FetchGongCallMedia, now: Date): Promise<CallMedia> {
  let media: CallMedia;
  try {
    media = await fetchMedia(call.connectionId, call.gongId);
  } catch (error) {
    await releaseCallMediaFetch(db, call.id);
    throw error;
  }
  await storeCallMedia(db, call.id, { ...media, fetchedAt: now });
  return media;
}
