import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryCall, discoveryCallExpected } from "@/lib/insights/__fixtures__/discovery-call";
import { FAKE_LLM_SUMMARY, type FakeLlmServer } from "@/test-support/fake-llm-server";
import { type LlmFunctionEnv, startLlmFunctionEnv } from "@/test-support/llm-function-env";
import type { MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization } from "@/test-support/seed-calls";

let database: MigratedTestDatabase;
let llm: FakeLlmServer;
let env: LlmFunctionEnv;
let seed: (gongId: string, segments?: typeof discoveryCall.segments) => Promise<string>;

beforeAll(async () => {
  env = await startLlmFunctionEnv();
  ({ database, llm } = env);
  const organizationId = await seedOrganization(database.db, "Globex");
  const connectionId = await seedConnection(database.db, organizationId);
  seed = (gongId, segments = discoveryCall.segments) =>
    seedCall(database.db, {
      organizationId,
      connectionId,
      gongId,
      startedAt: new Date(),
      durationSeconds: discoveryCall.durationSeconds,
      parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party })),
      segments,
    });
});

afterAll(() => env?.stop());

async function runFor(callId: string) {
  const { computeCallInsights } = await import("./compute-call-insights");
  // The announcement to outbound webhooks is a step of its own; here it goes nowhere (no Inngest to send to).
  const announced: unknown[] = [];
  const steps = [{ id: "announce-insights", handler: () => announced.push(callId) }];
  const { result } = await new InngestTestEngine({ function: computeCallInsights, steps }).execute({ events: [{ name: "gong/call.synced", data: { callId } }] });
  return result;
}

const readStored = (callId: string) =>
  database.db.selectFrom("call_insights").select(["insights", "llm_summary"]).where("call_id", "=", callId).executeTakeFirstOrThrow();

describe("compute-call-insights", () => {
  it("stores the call's insights and its LLM summary on gong/call.synced, and skips calls that are gone", async () => {
    const callId = await seed("1");
    expect(await runFor(callId)).toEqual({ callId, sentences: discoveryCall.segments.length, llmSummary: true });
    const stored = await readStored(callId);
    expect((stored.insights as { talk: { totalTalkSeconds: number } }).talk.totalTalkSeconds).toBe(discoveryCallExpected.totalTalkSeconds);
    expect(stored.llm_summary).toBe(FAKE_LLM_SUMMARY);
    expect(llm.received.at(-1)?.body.model).toBe("gpt-test");
    expect(llm.received.at(-1)?.body.messages[1]?.content).toContain("Alice Rep (Internal)");

    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await runFor(missing)).toEqual({ callId: missing, skipped: "call no longer exists" });
  });

  it("asks for no summary of a call without a transcript", async () => {
    const callId = await seed("2", []);
    const before = llm.received.length;
    expect(await runFor(callId)).toEqual({ callId, sentences: 0, llmSummary: false });
    expect(llm.received.length).toBe(before);
  });

  it("keeps the insights and ends the run well when the LLM endpoint fails", async () => {
    const callId = await seed("3");
    llm.answerAs = "broken";
    try {
      expect(await runFor(callId)).toEqual({ callId, sentences: discoveryCall.segments.length, llmSummary: false });
    } finally {
      llm.answerAs = null;
    }
    const stored = await readStored(callId);
    expect((stored.insights as { sentenceCount: number }).sentenceCount).toBe(discoveryCall.segments.length);
    expect(stored.llm_summary).toBeNull();
  });
});
