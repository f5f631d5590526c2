// GET /api/calls/:id/transcript?format=txt|vtt|json – the call's transcript as a download. 404 when the call is
// not visible to the signed-in user (the call page's rules, db/queries/call-access.ts).
import { z } from "zod";
import { db } from "@/db";
import { getCallViewer } from "@/db/queries/call-access";
import { getVisibleCall } from "@/db/queries/call-page";
import { requireUserOrThrow } from "@/lib/auth/session";
import { AppError, toErrorResponse } from "@/lib/errors";
import { loadTranscriptExport } from "@/lib/transcript-export/load-transcript-export";
import { renderTranscriptExport } from "@/lib/transcript-export/render-transcript-export";
import { TRANSCRIPT_FORMATS } from "@/lib/transcript-export/types";

const querySchema = z.object({ format: z.enum(TRANSCRIPT_FORMATS).default("txt") });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUserOrThrow();
    const { id } = await params;
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const call = await getVisibleCall(db, await getCallViewer(db, user), id);
    if (!call) throw new AppError("not_found", "No such call.");
    return renderTranscriptExport(await loadTranscriptExport(db, call), query.format);
  } catch (error) {
    return toErrorResponse(error);
  }
}
