import { inngest } from "@/inngest/client";
import { gongCallsSynced, gongTranscriptsPending } from "@/inngest/events";
import type { CallPageResult } from "@/lib/sync/sync-call-page";

/**
 * Announces a stored page from inside its step (one round trip per page instead of three). The ids are derived
 * from the page, so a retried step re-sends the same events and the event API keeps only the first.
 */
export async function sendPageEvents(connectionId: string, pageKey: string, result: CallPageResult): Promise<void> {
  const events = [
    ...(result.pendingGongIds.length > 0
      ? [gongTranscriptsPending.create({ connectionId, callGongIds: result.pendingGongIds }, { id: `pending-${pageKey}` })]
      : []),
    ...(result.callIds.length > 0 ? [gongCallsSynced.create({ callIds: result.callIds }, { id: `synced-${pageKey}` })] : []),
  ];
  if (events.length > 0) await inngest.send(events);
}
