import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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

async function runFor(...callIds: [string, ...string[]]) {
  const { computeCallInsights } = await import("./compute-call-insights");
  // The announcement to outbound webhooks is a step of its own; here it goes nowhere (no Inngest to send to), and
  // the test reads what it would have sent from the step tool's record of the call.
  const steps = [{ id: "announce-insights", handler: () => ({ ids: [] }) }];
  const toEvent = (callId: string) => ({ name: "gong/call.synced", data: { callId } });
  const events: [ReturnType<typeof toEvent>, ...ReturnType<typeof toEvent>[]] = [toEvent(callIds[0]), ...callIds.slice(1).map(toEvent)];
  const { result, ctx } = await new InngestTestEngine({ function: computeCallInsights, steps, events }).execute();
  const sent = vi.mocked(ctx.step.sendEvent).mock.calls.flatMap(([, payload]) => [payload].flat() as { data: { callId: string } }[]);
  return { result, announced: sent.map((event) => event.data.callId) };
}

const readStored = (callId: string) =>
  database.db.selectFrom("call_insights").select(["insights", "llm_summary"]).where("call_id", "=", callId).executeTakeFirstOrThrow();

describe("compute-call-insights", () => {
  it("stores the call's insights and its LLM summary on gong/call.synced, then announces them", async () => {
    const callId = await seed("1");
    expect(await runFor(callId)).toEqual({ result: { calls: 1, computed: 1, gone: 0, llmSummaries: 1 }, announced: [callId] });
    const stored = await readStored(callId);
    expect((stored.insights as { talk: { totalTalkSeconds: number } }).talk.totalTalkSeconds).toBe(discoveryCallExpected.totalTalkSeconds);
    expect(stored.llm_summary).toBe(FAKE_LLM_SUMMARY);
    expect(llm.received.at(-1)?.body.model).toBe("gpt-test");
    expect(llm.received.at(-1)?.body.messages[1]?.content).toContain("Alice Rep (Internal)");
  });

  it("takes a second's synced calls together: each once, the gone ones skipped and not announced", async () => {
    const [first, second] = [await seed("batch-1"), await seed("batch-2")];
    const gone = "00000000-0000-4000-8000-000000000000";
    const before = llm.received.length;
    const { result, announced } = await runFor(first, gone, second, first);
    expect(result).toEqual({ calls: 3, computed: 2, gone: 1, llmSummaries: 2 });
    expect(announced.sort()).toEqual([first, second].sort());
    expect(llm.received.length - before).toBe(2);
    expect((await readStored(second)).llm_summary).toBe(FAKE_LLM_SUMMARY);
  });

  it("asks for no summary of a call without a transcript", async () => {
    const callId = await seed("2", []);
    const before = llm.received.length;
    expect(await runFor(callId)).toEqual({ result: { calls: 1, computed: 1, gone: 0, llmSummaries: 0 }, announced: [callId] });
    expect(llm.received.length).toBe(before);
  });

  it("keeps the insights and ends the run well when the LLM endpoint fails", async () => {
    const callId = await seed("3");
    llm.answerAs = "broken";
    try {
      expect(await runFor(callId)).toEqual({ result: { calls: 1, computed: 1, gone: 0, llmSummaries: 0 }, announced: [callId] });
    } finally {
      llm.answerAs = null;
    }
    const stored = await readStored(callId);
    expect((stored.insights as { sentenceCount: number }).sentenceCount).toBe(discoveryCall.segments.length);
    expect(stored.llm_summary).toBeNull();
  });
});
