import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryCall } from "@/lib/insights/__fixtures__/discovery-call";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";

let database: MigratedTestDatabase;
let connectionId: string;
let otherConnectionId: string;
const withTranscript: string[] = [];
let withoutTranscript: string;
let otherConnectionCall: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  // The function uses the app's `db`, which reads DATABASE_URL on its first query.
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  // Summaries are compute-sync-insights-llm.integration.test.ts's; this pass computes insights only.
  delete process.env.LLM_BASE_URL;
  const organizationId = await seedOrganization(database.db, "Globex");
  connectionId = await seedConnection(database.db, organizationId);
  const other = await seedOrganization(database.db, "Initech");
  otherConnectionId = await seedConnection(database.db, other);
  const call = (organization: string, connection: string, gongId: string, segments = discoveryCall.segments) =>
    seedCall(database.db, {
      organizationId: organization,
      connectionId: connection,
      gongId,
      startedAt: new Date(),
      durationSeconds: discoveryCall.durationSeconds,
      parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party })),
      segments,
    });
  // More than one step's page, so the pass has to page on.
  for (let index = 0; index < 105; index++) withTranscript.push(await call(organizationId, connectionId, String(index), discoveryCall.segments.slice(0, 4)));
  withoutTranscript = await call(organizationId, connectionId, "pending", []);
  otherConnectionCall = await call(other, otherConnectionId, "elsewhere");
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

async function callsWithInsights(): Promise<Set<string>> {
  return new Set((await database.db.selectFrom("call_insights").select("call_id").execute()).map((row) => row.call_id));
}

describe("compute-sync-insights", () => {
  it("computes, after a sync, the insights of every transcribed call of the connection that has none, page by page", async () => {
    await database.db.deleteFrom("call_insights").execute();
    const { computeSyncInsights } = await import("./compute-sync-insights");
    const event = { name: "gong/sync-run.ended", data: { connectionId, runId: "00000000-0000-4000-8000-000000000001" } };
    const { result } = await new InngestTestEngine({ function: computeSyncInsights }).execute({ events: [event] });
    expect(result).toEqual({ computed: 105 });
    const stored = await callsWithInsights();
    expect(withTranscript.every((id) => stored.has(id))).toBe(true);
    expect(stored.has(withoutTranscript)).toBe(false);
    expect(stored.has(otherConnectionCall)).toBe(false);

    // A second pass finds nothing left to do.
    const again = await new InngestTestEngine({ function: computeSyncInsights }).execute({ events: [event] });
    expect(again.result).toEqual({ computed: 0 });
  });
});
