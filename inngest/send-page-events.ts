import { inngest } from "@/inngest/client";
import { gongCallsSynced, gongTranscriptsPending } from "@/inngest/events";
import type { CallPageResult } from "@/lib/sync/sync-call-page";

/**
 * Announces a stored page from inside its step (one round trip per page instead of three). The ids are derived
 * from the page, so a retried step re-sends the same events and the event API keeps only the first.
 */
export async function sendPageEvents(input: { connectionId: string; runId: string; pageKey: string }, result: CallPageResult): Promise<void> {
  const { connectionId, runId, pageKey } = input;
  const events = [
    ...(result.pendingGongIds.length > 0
      ? [gongTranscriptsPending.create({ connectionId, runId, callGongIds: result.pendingGongIds }, { id: `pending-${runId}-${pageKey}` })]
      : []),
    ...(result.callIds.length > 0 ? [gongCallsSynced.create({ callIds: result.callIds }, { id: `synced-${runId}-${pageKey}` })] : []),
  ];
  if (events.length > 0) await inngest.send(events);
}
