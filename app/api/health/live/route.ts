// GET /api/health/live – 200 {"status":"ok"} while the process serves requests; touches nothing else.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
