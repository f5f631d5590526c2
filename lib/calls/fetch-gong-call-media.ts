import "server-only";
import { db } from "@/db";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { listExtensiveCalls } from "@/lib/gong/client";
import type { CallMedia } from "./get-call-media";

/**
 * A rep waits for this, so it waits at most this long for a pacer slot; past it the request is refused (429)
 * without reserving one, and the syncs sharing the connection's pacer lose nothing.
 */
export const MEDIA_MAX_PACING_WAIT_MS = 5_000;

/** Asks Gong for one call's media URLs through the connection's paced, token-refreshing context. */
export async function fetchGongCallMedia(connectionId: string, callGongId: string): Promise<CallMedia> {
  const ctx = await createGongContext(db, getGongAppConfig(), connectionId, { maxWaitMs: MEDIA_MAX_PACING_WAIT_MS });
  const page = await listExtensiveCalls(ctx, { filter: { callIds: [callGongId] }, content: { media: true } });
  const media = page.items[0]?.media;
  return { audioUrl: media?.audioUrl ?? null, videoUrl: media?.videoUrl ?? null };
}
