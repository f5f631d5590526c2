import { db } from "@/db";
import { markTranscriptsUnavailable } from "@/db/queries/late-transcripts";
import { getGongConnection } from "@/db/queries/gong-connections";
import { recordSyncRunProgress } from "@/db/queries/sync-run-progress";
import { inngest } from "@/inngest/client";
import { gongCallSynced, gongTranscriptsPending } from "@/inngest/events";
import { getEnv } from "@/lib/env";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { fetchLateTranscripts } from "@/lib/sync/fetch-late-transcripts";
import { lateTranscriptWaits } from "@/lib/sync/late-transcript-waits";
import { withGongErrors } from "@/lib/sync/with-gong-errors";
import { GONG_STEP_RETRIES, cancelOnRevoke } from "./gong-function-options";

/** Transcripts Gong had not finished: checked again after growing waits, for up to 48 hours, then given up on. */
export const checkLateTranscripts = inngest.createFunction(
  {
    id: "check-late-transcripts",
    retries: GONG_STEP_RETRIES,
    triggers: [gongTranscriptsPending],
    // Sleeping checks hold no slot; only the requests themselves take turns.
    concurrency: { key: "event.data.connectionId", limit: 1 },
    cancelOn: cancelOnRevoke,
  },
  async ({ event, step, runId: checkRunId }) => {
    const { connectionId, runId } = event.data;
    // Keys stable across retries of each check, so the run's pending count drops once per check.
    const progressOf = (check: string) => (runId ? { runId, key: `late-${checkRunId}-${check}` } : undefined);
    let remaining = event.data.callGongIds;
    const waits = lateTranscriptWaits(getEnv().LATE_TRANSCRIPT_FIRST_WAIT_SECONDS);
    for (const [index, seconds] of waits.entries()) {
      await step.sleep(`wait-${index + 1}`, `${seconds}s`);
      const callGongIds = remaining;
      const result = await step.run(`check-${index + 1}`, () =>
        withGongErrors(db, connectionId, () =>
          fetchLateTranscripts(db, getGongAppConfig(), { connectionId, callGongIds, progress: progressOf(String(index + 1)) }),
        ),
      );
      if (result.stored.length > 0) {
        await step.sendEvent(`insights-${index + 1}`, result.stored.map((callId) => gongCallSynced.create({ callId })));
      }
      remaining = result.remaining;
      if (remaining.length === 0) return { checks: index + 1, unavailable: 0 };
    }
    await step.run("give-up", async () => {
      const connection = await getGongConnection(db, connectionId);
      if (!connection) return;
      await db.transaction().execute(async (trx) => {
        await markTranscriptsUnavailable(trx, connection.organization_id, remaining, "timed_out");
        const progress = progressOf("give-up");
        if (progress) await recordSyncRunProgress(trx, progress.runId, progress.key, { transcripts_pending: -remaining.length });
      });
    });
    return { checks: waits.length, unavailable: remaining.length };
  },
);
