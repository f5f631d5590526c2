import type { Kysely } from "kysely";
import type { CallViewer } from "@/db/queries/call-access";
import { getCallConnectionFacts, getVisibleCall, storeCallMedia } from "@/db/queries/call-page";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const MEDIA_SCOPE = "api:calls:read:media-url";

/** Gong's media URLs expire 8 hours after they are issued; an hour's margin keeps a playing recording alive. */
export const MEDIA_URL_MAX_AGE_MS = 7 * 60 * 60 * 1000;

export type CallMedia = { audioUrl: string | null; videoUrl: string | null };

type StoredMedia = { audio_url: string | null; video_url: string | null; media_fetched_at: Date | null };

/** The stored recording links still play: Gong signed them less than 7 hours ago. */
export function hasFreshStoredMedia(call: StoredMedia, now: Date = new Date()): boolean {
  const fetchedAt = call.media_fetched_at;
  return !!fetchedAt && now.getTime() - fetchedAt.getTime() < MEDIA_URL_MAX_AGE_MS && !!(call.audio_url || call.video_url);
}

export type FetchGongCallMedia = (connectionId: string, callGongId: string) => Promise<CallMedia>;

/**
 * A playable media URL for a call the viewer may see: the stored one while it is younger than 7 hours,
 * else a fresh one from Gong (then stored). Not visible → not_found; no media scope → conflict.
 */
export async function getCallMedia(
  db: Kysely<Database>,
  viewer: CallViewer,
  callId: string,
  fetchMedia: FetchGongCallMedia,
  now: Date = new Date(),
): Promise<CallMedia> {
  const call = await getVisibleCall(db, viewer, callId);
  if (!call) throw new AppError("not_found", "Call not found.");
  if (hasFreshStoredMedia(call, now)) return { audioUrl: call.audio_url, videoUrl: call.video_url };
  const connection = await getCallConnectionFacts(db, call.connection_id);
  if (!connection || connection.status !== "connected") {
    throw new AppError("conflict", "Gong is not connected, so the recording can't be fetched.");
  }
  if (!connection.grantedScopes.includes(MEDIA_SCOPE)) {
    throw new AppError("conflict", `The Gong connection was not granted ${MEDIA_SCOPE}, so recordings can't be played.`);
  }
  const media = await fetchMedia(call.connection_id, call.gong_id);
  await storeCallMedia(db, call.id, { ...media, fetchedAt: now });
  return media;
}
