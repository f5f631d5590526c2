import type { InngestFunction } from "inngest";
import { backfillGongConnection } from "./functions/backfill-gong-connection";
import { checkLateTranscripts } from "./functions/check-late-transcripts";
import { computeCallInsights } from "./functions/compute-call-insights";
import { computeSyncInsights } from "./functions/compute-sync-insights";
import { deleteGongCalls } from "./functions/delete-gong-calls";
import { deliverOutboundWebhook } from "./functions/deliver-outbound-webhook";
import { fanOutOutboundEvent } from "./functions/fan-out-outbound-event";
import { purgeGongData } from "./functions/purge-gong-data";
import { recountTrackerHits } from "./functions/recount-tracker-hits";
import { scheduleGongSyncs } from "./functions/schedule-gong-syncs";
import { syncGongCall } from "./functions/sync-gong-call";
import { syncGongCalls } from "./functions/sync-gong-calls";
import { syncGongUsers } from "./functions/sync-gong-users";
import { syncGongWorkspace } from "./functions/sync-gong-workspace";
import { syncWebhookCalls } from "./functions/sync-webhook-calls";

/** Every Inngest function Callbridge serves; one file each in inngest/functions/. */
export const functions: InngestFunction.Any[] = [
  backfillGongConnection,
  syncGongCalls,
  syncGongUsers,
  syncGongWorkspace,
  syncGongCall,
  syncWebhookCalls,
  checkLateTranscripts,
  deleteGongCalls,
  purgeGongData,
  scheduleGongSyncs,
  computeCallInsights,
  computeSyncInsights,
  recountTrackerHits,
  fanOutOutboundEvent,
  deliverOutboundWebhook,
];
