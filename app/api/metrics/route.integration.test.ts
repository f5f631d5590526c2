import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

let stack: SyncStack;
const metricsToken = randomBytes(24).toString("base64url");

/** The route as a fresh server process would load it, with `env` on top of the stack's. */
async function scrape(authorization: string | null, env: Record<string, string> = {}) {
  const saved = { ...process.env };
  // The app's own pool (its Inngest functions use it) is put back afterwards; the route gets one of its own.
  const global = globalThis as { callbridgeDb?: unknown };
  const appDb = global.callbridgeDb;
  Object.assign(process.env, env);
  try {
    vi.resetModules();
    delete global.callbridgeDb;
    const { GET } = await import("./route");
    const response = await GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
    const body = await response.text();
    await (await import("@/db")).db.destroy();
    return { status: response.status, contentType: response.headers.get("content-type"), body };
  } finally {
    process.env = saved;
    global.callbridgeDb = appDb;
    // The next import of @/db (the stack's teardown) must see the app's pool again, not this route's.
    vi.resetModules();
  }
}

/** The sample's value for a metric whose labels include all of `labels`. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of body.split("\n")) {
    const match = /^([a-z0-9_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.entries(labels).every(([key, value]) => match[2]?.includes(`${key}="${value}"`));
    if (has) return Number(match[3]);
  }
  return undefined;
}

beforeAll(async () => {
  stack = await startSyncStack({ simulator: { calls: 40 }, env: { METRICS_TOKEN: metricsToken } });
}, 120_000);
afterAll(() => stack?.stop());

describe("GET /api/metrics", () => {
  it("is not there without METRICS_TOKEN and refuses a missing or wrong token", async () => {
    expect((await scrape(`Bearer ${metricsToken}`, { METRICS_TOKEN: "" })).status).toBe(404);
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape(`Bearer ${metricsToken}x`)).status).toBe(401);
  });

  it("shows the counters after a backfill", async () => {
    const connectionId = await stack.connect();
    const run = await stack.waitForRun(await stack.startSync(connectionId, "backfill"), 90_000);
    expect(run.status).toBe("succeeded");
    const { authenticateWithPassword } = await import("@/lib/auth/authenticate");
    await authenticateWithPassword(stack.db, { email: "admin@acme.test", password: "wrong", client: { key: "ip:198.51.100.1", shared: false }, deviceToken: undefined, secret: process.env.AUTH_SECRET! });

    const { status, contentType, body } = await scrape(`Bearer ${metricsToken}`);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain/);
    const labels = { connection_id: connectionId, organization_id: stack.organizationId };
    const calls = Number((await stack.db.selectFrom("calls").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    expect(calls).toBeGreaterThan(0);
    expect(sample(body, "callbridge_calls_stored", labels)).toBe(calls);
    expect(sample(body, "callbridge_gong_connection_connected", { ...labels, status: "connected" })).toBe(1);
    expect(sample(body, "callbridge_gong_requests_total", labels)).toBeGreaterThanOrEqual(run.gong_requests);
    expect(sample(body, "callbridge_gong_requests_today", labels)).toBeGreaterThan(0);
    expect(sample(body, "callbridge_gong_rate_limited_total", labels)).toBe(0);
    expect(sample(body, "callbridge_gong_daily_budget_used_ratio", labels)).toBeGreaterThan(0);
    expect(sample(body, "callbridge_sync_lag_seconds", labels)).toBeGreaterThan(0);
    expect(sample(body, "callbridge_sync_last_success_age_seconds", labels)).toBeGreaterThanOrEqual(0);
    expect(sample(body, "callbridge_quarantined_records", labels)).toBe(0);
    expect(sample(body, "callbridge_sync_runs_24h", { kind: "backfill", status: "succeeded" })).toBeGreaterThanOrEqual(1);
    expect(sample(body, "callbridge_executor_queue_depth")).toBeGreaterThanOrEqual(0);
    expect(sample(body, "callbridge_executor_queue_oldest_ready_age_seconds")).toBeGreaterThanOrEqual(0);
    expect(body).toContain("# TYPE callbridge_outbound_deliveries gauge");
    expect(sample(body, "callbridge_sign_in_failures_counted")).toBeGreaterThanOrEqual(1);
    expect(sample(body, "callbridge_sign_in_failures_total")).toBeGreaterThanOrEqual(1);
    for (const secret of [metricsToken, process.env.TOKEN_ENCRYPTION_KEY!, process.env.AUTH_SECRET!]) expect(body).not.toContain(secret);
  }, 120_000);
});
