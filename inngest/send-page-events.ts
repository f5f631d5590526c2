import type { GetStepTools } from "inngest";
import { inngest } from "@/inngest/client";
import { gongCallSynced, gongTranscriptsPending } from "@/inngest/events";

/**
 * Hands a page's calls whose transcript Gong has not finished to the late-transcript checks, from inside the
 * page's step. The id is derived from the page, so a retried step re-sends the same event and the event API
 * keeps only the first. (Their insights come after the run: gong/sync-run.ended.)
 */
export async function sendPageEvents(input: { connectionId: string; runId: string; pageKey: string }, result: { pendingGongIds: string[] }): Promise<void> {
  const { connectionId, runId, pageKey } = input;
  if (result.pendingGongIds.length === 0) return;
  await inngest.send(gongTranscriptsPending.create({ connectionId, runId, callGongIds: result.pendingGongIds }, { id: `pending-${runId}-${pageKey}` }));
}

/**
 * After a step stored calls: those whose transcript Gong has not finished go to the late-transcript checks, and
 * every stored call to its insights, as steps of the caller's run. `pendingStepId` keeps each caller's step id.
 */
export async function sendStoredCallEvents(
  step: GetStepTools<typeof inngest>,
  input: { connectionId: string; runId?: string; pendingStepId: string },
  result: { pendingGongIds: string[]; callIds: string[] },
): Promise<void> {
  const { connectionId, runId } = input;
  if (result.pendingGongIds.length > 0) {
    await step.sendEvent(input.pendingStepId, gongTranscriptsPending.create({ connectionId, runId, callGongIds: result.pendingGongIds }));
  }
  if (result.callIds.length > 0) await step.sendEvent("insights", result.callIds.map((callId) => gongCallSynced.create({ callId })));
}
