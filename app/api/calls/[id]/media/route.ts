// GET /api/calls/:id/media – 302 to the call's recording (audio, or ?kind=video); ?format=json answers
// {audioUrl, videoUrl}. 404 when the call is not visible to the signed-in user; 409 without the media scope.
import { z } from "zod";
import { db } from "@/db";
import { getCallViewer } from "@/db/queries/call-access";
import { requireUserOrThrow } from "@/lib/auth/session";
import { fetchGongCallMedia } from "@/lib/calls/fetch-gong-call-media";
import { getCallMedia } from "@/lib/calls/get-call-media";
import { AppError, toErrorResponse } from "@/lib/errors";

const querySchema = z.object({ kind: z.enum(["audio", "video"]).default("audio"), format: z.enum(["redirect", "json"]).default("redirect") });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUserOrThrow();
    const { id } = await params;
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const viewer = await getCallViewer(db, user);
    const media = await getCallMedia(db, viewer, id, fetchGongCallMedia);
    const headers = { "Cache-Control": "private, no-store" };
    if (query.format === "json") return Response.json(media, { headers });
    const url = query.kind === "video" ? media.videoUrl : media.audioUrl;
    if (!url) throw new AppError("not_found", `Gong has no ${query.kind} recording for this call.`);
    return new Response(null, { status: 302, headers: { ...headers, Location: url } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
