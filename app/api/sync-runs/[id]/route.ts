// GET /api/sync-runs/:id – one sync run with its steps, polled by the run page while the run goes on.
import { z } from "zod";
import { db } from "@/db";
import { requireAdminOrThrow } from "@/lib/auth/session";
import { AppError, toErrorResponse } from "@/lib/errors";
import { getSyncRunDetail } from "@/lib/sync/get-sync-run-detail";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const admin = await requireAdminOrThrow();
    const id = z.uuid().safeParse((await params).id);
    const detail = id.success ? await getSyncRunDetail(db, admin.organizationId, id.data) : undefined;
    if (!detail) throw new AppError("not_found", "That run doesn't exist.");
    return Response.json(detail, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
