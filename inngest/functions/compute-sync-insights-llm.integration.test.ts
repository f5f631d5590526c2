import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryCall } from "@/lib/insights/__fixtures__/discovery-call";
import { FAKE_LLM_SUMMARY, type FakeLlmServer } from "@/test-support/fake-llm-server";
import { type LlmFunctionEnv, startLlmFunctionEnv } from "@/test-support/llm-function-env";
import type { MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";

let database: MigratedTestDatabase;
let llm: FakeLlmServer;
let env: LlmFunctionEnv;
let connectionId: string;
const withTranscript: string[] = [];
let withoutTranscript: string;
let otherConnectionCall: string;

beforeAll(async () => {
  env = await startLlmFunctionEnv();
  ({ database, llm } = env);
  const organizationId = await seedOrganization(database.db, "Globex");
  connectionId = await seedConnection(database.db, organizationId);
  const other = await seedOrganization(database.db, "Initech");
  const otherConnectionId = await seedConnection(database.db, other);
  const call = (organization: string, connection: string, gongId: string, segments = discoveryCall.segments.slice(0, 4)) =>
    seedCall(database.db, {
      organizationId: organization,
      connectionId: connection,
      gongId,
      startedAt: new Date(),
      parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party })),
      segments,
    });
  // More than one step's worth of summaries.
  for (let index = 0; index < 7; index++) withTranscript.push(await call(organizationId, connectionId, String(index)));
  withoutTranscript = await call(organizationId, connectionId, "pending", []);
  otherConnectionCall = await call(other, otherConnectionId, "elsewhere");
});

afterAll(() => env?.stop());

async function runPass() {
  const { computeSyncInsights } = await import("./compute-sync-insights");
  const event = { name: "gong/sync-run.ended", data: { connectionId, runId: "00000000-0000-4000-8000-000000000001" } };
  return (await new InngestTestEngine({ function: computeSyncInsights }).execute({ events: [event] })).result;
}

async function summaries(): Promise<Map<string, string | null>> {
  const rows = await database.db.selectFrom("call_insights").select(["call_id", "llm_summary"]).execute();
  return new Map(rows.map((row) => [row.call_id, row.llm_summary]));
}

describe("compute-sync-insights with an LLM endpoint", () => {
  it("summarises, after their insights, the connection's transcribed calls that have no summary", async () => {
    expect(await runPass()).toEqual({ computed: 7, llmSummaries: { summarized: 7, failed: 0 } });
    const stored = await summaries();
    expect(withTranscript.map((id) => stored.get(id))).toEqual(withTranscript.map(() => FAKE_LLM_SUMMARY));
    expect(stored.has(withoutTranscript)).toBe(false);
    expect(stored.has(otherConnectionCall)).toBe(false);
    expect(llm.received).toHaveLength(7);

    expect(await runPass()).toEqual({ computed: 0, llmSummaries: { summarized: 0, failed: 0 } });
    expect(llm.received).toHaveLength(7);
  });

  it("keeps the insights when the endpoint fails, stops asking it, and fills the summaries in on the next pass", async () => {
    await database.db.deleteFrom("call_insights").execute();
    const before = llm.received.length;
    llm.answerAs = "broken";
    try {
      expect(await runPass()).toEqual({ computed: 7, llmSummaries: { summarized: 0, failed: 5 } });
    } finally {
      llm.answerAs = null;
    }
    // One step's requests, all failed: the pass asked no more.
    expect(llm.received.length - before).toBe(5);
    const stored = await summaries();
    expect(withTranscript.map((id) => stored.has(id) && stored.get(id))).toEqual(withTranscript.map(() => null));

    expect(await runPass()).toEqual({ computed: 0, llmSummaries: { summarized: 7, failed: 0 } });
    expect(new Set((await summaries()).values())).toEqual(new Set([FAKE_LLM_SUMMARY]));
  });
});
