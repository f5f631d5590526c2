import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryCall, discoveryCallExpected } from "@/lib/insights/__fixtures__/discovery-call";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";

let database: MigratedTestDatabase;
let callId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  // The function uses the app's `db`, which reads DATABASE_URL on its first query.
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  delete process.env.LLM_BASE_URL;
  const organizationId = await seedOrganization(database.db, "Globex");
  const connectionId = await seedConnection(database.db, organizationId);
  callId = await seedCall(database.db, {
    organizationId,
    connectionId,
    gongId: "1",
    startedAt: new Date(),
    durationSeconds: discoveryCall.durationSeconds,
    parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party })),
    segments: discoveryCall.segments,
  });
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

describe("compute-call-insights", () => {
  it("stores the call's insights on gong/call.synced and skips calls that are gone", async () => {
    const { computeCallInsights } = await import("./compute-call-insights");
    const engine = new InngestTestEngine({ function: computeCallInsights });
    const { result } = await engine.execute({ events: [{ name: "gong/call.synced", data: { callId } }] });
    expect(result).toEqual({ callId, sentences: discoveryCall.segments.length, llmSummary: false });
    const stored = await database.db.selectFrom("call_insights").select(["insights", "trackers_hash"]).where("call_id", "=", callId).executeTakeFirstOrThrow();
    expect((stored.insights as { talk: { totalTalkSeconds: number } }).talk.totalTalkSeconds).toBe(discoveryCallExpected.totalTalkSeconds);

    const missing = "00000000-0000-4000-8000-000000000000";
    const gone = await new InngestTestEngine({ function: computeCallInsights }).execute({ events: [{ name: "gong/call.synced", data: { callId: missing } }] });
    expect(gone.result).toEqual({ callId: missing, skipped: "call no longer exists" });
  });
});
