// GET /api/health – {"status":"ok","database":"ok"}, or 503 naming the part that is down.
import { db } from "@/db";
import { pingDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

const DATABASE_TIMEOUT_MS = 3_000;

export async function GET() {
  const database = await Promise.race([
    pingDatabase(db).then(() => "ok" as const),
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), DATABASE_TIMEOUT_MS)),
  ]).catch(() => "error" as const);
  if (database === "ok") return Response.json({ status: "ok", database });
  return Response.json({ status: "degraded", database }, { status: 503 });
}
