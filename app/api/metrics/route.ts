// GET /api/metrics – Prometheus text format. 404 unless METRICS_TOKEN is set; then 401 without
// `Authorization: Bearer <METRICS_TOKEN>`. Labels carry ids only: no names, emails or secrets.
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/db";
import { getEnv } from "@/lib/env";
import { renderMetrics } from "@/lib/observability/render-metrics";

export const dynamic = "force-dynamic";

const digest = (text: string) => createHash("sha256").update(text).digest();

export async function GET(request: Request) {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  const given = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token))) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { contentType, body } = await renderMetrics(db);
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
