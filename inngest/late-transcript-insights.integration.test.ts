import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interceptGongRequests } from "@/test-support/gong-fetch-interceptor";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

let stack: SyncStack;
let connectionId: string;

beforeAll(async () => {
  // The late-transcript check sleeps past the test, so only the workspace sync can bring the transcript.
  stack = await startSyncStack({ simulator: { calls: 3 }, env: { LATE_TRANSCRIPT_FIRST_WAIT_SECONDS: "3600" } });
  connectionId = await stack.connect();
}, 120_000);
afterAll(() => stack?.stop());

async function waitFor<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still waiting for ${what}`);
}

const readInsights = (gongId: string) =>
  stack.db
    .selectFrom("calls")
    .innerJoin("call_insights", "call_insights.call_id", "calls.id")
    .select(["calls.transcript_status", "calls.transcript_segment_count", "call_insights.insights"])
    .where("calls.gong_id", "=", gongId)
    .executeTakeFirst()
    .then((row) => row && { status: row.transcript_status, segments: row.transcript_segment_count, sentences: (row.insights as { sentenceCount: number }).sentenceCount });

describe("insights of a call whose transcript came late", () => {
  it("follow the transcript a workspace sync stores after the call was synced without one", async () => {
    const { inngest } = await import("@/inngest/client");
    const { gongCallSyncRequested } = await import("@/inngest/events");
    const created = (await stack.simulatorControl("calls", {})) as { id: string };
    // Gong has not finished the transcript: calls/transcript answers its "no calls found" 404.
    const restore = interceptGongRequests(stack.simulator.url, async ({ route }) =>
      route === "POST /v2/calls/transcript"
        ? Response.json({ requestId: "late", errors: ["No calls found corresponding to the provided filters"] }, { status: 404 })
        : undefined,
    );
    try {
      await inngest.send(gongCallSyncRequested.create({ connectionId, callGongId: created.id, explicit: false }));
      expect(await waitFor("insights without a transcript", () => readInsights(created.id))).toEqual({ status: "pending", segments: 0, sentences: 0 });
    } finally {
      restore();
    }

    const run = await stack.waitForRun(await stack.startSync(connectionId, "manual"), 60_000);
    expect(run.error ?? run.status).toBe("succeeded");
    const fresh = await waitFor("insights of the transcript", async () => {
      const insights = await readInsights(created.id);
      return insights && insights.sentences > 0 ? insights : undefined;
    });
    expect(fresh).toEqual({ status: "ready", segments: fresh.sentences, sentences: fresh.sentences });
  }, 90_000);
});
