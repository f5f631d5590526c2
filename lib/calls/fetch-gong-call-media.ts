import "server-only";
import { db } from "@/db";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { listExtensiveCalls } from "@/lib/gong/client";
import type { CallMedia } from "./get-call-media";

/** Asks Gong for one call's media URLs through the connection's paced, token-refreshing context. */
export async function fetchGongCallMedia(connectionId: string, callGongId: string): Promise<CallMedia> {
  const ctx = await createGongContext(db, getGongAppConfig(), connectionId);
  const page = await listExtensiveCalls(ctx, { filter: { callIds: [callGongId] }, content: { media: true } });
  const media = page.items[0]?.media;
  return { audioUrl: media?.audioUrl ?? null, videoUrl: media?.videoUrl ?? null };
}
