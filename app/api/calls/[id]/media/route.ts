// GET /api/calls/:id/media – 302 to the call's recording (audio, or ?kind=video); ?format=json answers
// {audioUrl, videoUrl}. 404 when the call is not visible to the signed-in user; 409 without the media scope;
// 429 past the signed-in user's limits (lib/calls/enforce-media-rate-limit.ts).
import { z } from "zod";
import { db } from "@/db";
import { getCallViewer } from "@/db/queries/call-access";
import { requireUserOrThrow } from "@/lib/auth/session";
import { enforceMediaRateLimit } from "@/lib/calls/enforce-media-rate-limit";
import { fetchGongCallMedia } from "@/lib/calls/fetch-gong-call-media";
import { getCallMedia } from "@/lib/calls/get-call-media";
import { AppError, toErrorResponse } from "@/lib/errors";

const querySchema = z.object({ kind: z.enum(["audio", "video"]).default("audio"), format: z.enum(["redirect", "json"]).default("redirect") });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUserOrThrow();
    const { id } = await params;
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    await enforceMediaRateLimit(db, user.id, "requests");
    const viewer = await getCallViewer(db, user);
    const media = await getCallMedia(db, viewer, id, {
      fetchMedia: fetchGongCallMedia,
      beforeGongFetch: () => enforceMediaRateLimit(db, user.id, "gongFetches"),
    });
    const headers = { "Cache-Control": "private, no-store" };
    if (query.format === "json") return Response.json(media, { headers });
    const url = query.kind === "video" ? media.videoUrl : media.audioUrl;
    if (!url) throw new AppError("not_found", `Gong has no ${query.kind} recording for this call.`);
    return new Response(null, { status: 302, headers: { ...headers, Location: url } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
