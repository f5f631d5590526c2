import { eventType } from "inngest";
import { z } from "zod";
import { outboundEventRequestSchema } from "@/lib/outbound/outbound-event-request";

/** The event catalogue: every event Callbridge sends or reacts to, with its data schema. */

const connectionId = z.string().uuid();
const isoDate = z.string().datetime({ offset: true });

/**
 * Where one run of a workspace window's chain stopped: the next cursor and page position, the cursor restarts so
 * far (the limit holds for the whole window), and the furthest page already counted into the sync run.
 */
export const workspaceResumeSchema = z.object({
  cursor: z.string(),
  position: z.number().int().positive(),
  restarts: z.number().int().min(0),
  countedThrough: z.number().int().min(0),
});
export type WorkspaceResume = z.infer<typeof workspaceResumeSchema>;

/** Where one run of a users chain stopped: the next cursor and page position, and the cursor restarts so far. */
export const usersResumeSchema = z.object({
  cursor: z.string(),
  position: z.number().int().positive(),
  restarts: z.number().int().min(0),
});
export type UsersResume = z.infer<typeof usersResumeSchema>;

export const gongConnectionCreated = eventType("gong/connection.created", {
  schema: z.object({ connectionId, organizationId: z.string().uuid() }),
});

export const gongConnectionRevoked = eventType("gong/connection.revoked", {
  schema: z.object({ connectionId, organizationId: z.string().uuid(), deleteData: z.boolean() }),
});

/** Page Gong's users and link app users to them by email. */
export const gongUsersSyncRequested = eventType("gong/users.sync-requested", {
  schema: z.object({
    connectionId,
    runId: z.string().uuid().optional(),
    /** Where the run before this one in the chain stopped; see sync-gong-users. */
    resume: usersResumeSchema.nullable().optional(),
  }),
});

/** Sync chosen workspaces (all enabled ones when omitted) and/or calls over a date window, as one run. */
export const gongCallsSyncRequested = eventType("gong/calls.sync-requested", {
  schema: z.object({
    connectionId,
    runId: z.string().uuid(),
    workspaceGongIds: z.array(z.string()).optional(),
    callGongIds: z.array(z.string()).max(100).optional(),
    fromDateTime: isoDate.nullable().optional(),
    toDateTime: isoDate.nullable().optional(),
  }),
});

/** One call by Gong id: "Resync" (explicit: true, brings back a deleted call); explicit: false leaves a deleted call deleted. */
export const gongCallSyncRequested = eventType("gong/call.sync-requested", {
  schema: z.object({
    connectionId,
    callGongId: z.string().regex(/^\d{1,20}$/),
    explicit: z.boolean(),
    runId: z.string().uuid().optional(),
  }),
});

/** A new call Gong announced by webhook; the receiver sends it with an id derived from the call, so repeats sync once. */
export const gongWebhookCallReceived = eventType("gong/webhook.call-received", {
  // traceparent: the W3C trace context of the delivery, when traces are exported (docs/OPERATIONS.md).
  schema: z.object({ connectionId, callGongId: z.string().regex(/^\d{1,20}$/), traceparent: z.string().max(100).optional() }),
});

/** Calls whose transcript Gong has not finished yet; checked again with growing waits for up to 48 h. */
export const gongTranscriptsPending = eventType("gong/transcripts.pending", {
  schema: z.object({ connectionId, callGongIds: z.array(z.string()).min(1).max(100), runId: z.string().uuid().optional() }),
});

/**
 * A purge goes on in a fresh run where the last one stopped (each run deletes a bounded number of batches, so a
 * purge of any size fits Inngest's 1,000 steps a run); `part` numbers the runs of one purge.
 */
export const gongDataPurgeContinued = eventType("gong/data-purge.continued", {
  schema: z.object({ connectionId, organizationId: z.string().uuid(), runId: z.string().uuid(), part: z.number().int().min(2) }),
});

export const gongCallsDeleteRequested = eventType("gong/calls.delete-requested", {
  schema: z.object({ connectionId, runId: z.string().uuid(), callGongIds: z.array(z.string()).min(1).max(100) }),
});

/** One workspace (null: the whole company, without the workspaces scope) over a date window; invoked by sync-gong-calls. */
export const gongWorkspaceSyncRequested = eventType("gong/workspace.sync-requested", {
  schema: z.object({
    connectionId,
    runId: z.string().uuid(),
    workspaceGongId: z.string().nullable(),
    fromDateTime: isoDate.nullable(),
    toDateTime: isoDate.nullable(),
    /** Where the run before this one in the window's chain stopped; see sync-gong-workspace. */
    resume: workspaceResumeSchema.nullable().optional(),
  }),
});

/** A call's data changed; its insights are (re)computed. */
export const gongCallSynced = eventType("gong/call.synced", {
  schema: z.object({ callId: z.string().uuid() }),
});

/** A call's insights (and LLM summary, when configured) were computed after a sync of it: call.insights_ready. */
export const gongCallInsightsComputed = eventType("gong/call.insights-computed", {
  schema: z.object({ callId: z.string().uuid() }),
});

/**
 * A bulk sync of the connection ended (well or not): the insights of its calls that have none yet are computed
 * now, after the data, so they never compete with the sync for the machine while Gong's budget ticks.
 */
export const gongSyncRunEnded = eventType("gong/sync-run.ended", {
  schema: z.object({ connectionId, runId: z.string().uuid() }),
});

/**
 * A pass of compute-sync-insights goes on in a fresh run after the last call it reached; `passId` names the pass
 * (its first run) and `part` the run within it, so a repeated hand-over starts nothing twice.
 */
export const gongSyncInsightsContinued = eventType("gong/sync-insights.continued", {
  schema: z.object({ connectionId, runId: z.string().uuid(), passId: z.string().min(1), part: z.number().int().min(2), afterId: z.string().uuid() }),
});

/** An admin cancelled a sync run: the functions doing its work stop (they list this event in cancelOn). */
export const gongSyncRunCancelRequested = eventType("gong/sync-run.cancel-requested", {
  schema: z.object({ connectionId, runId: z.string().uuid() }),
});

/** An admin added, edited or deleted a tracker: the organization's calls are counted against the new trackers. */
export const trackersChanged = eventType("callbridge/trackers.changed", {
  schema: z.object({ organizationId: z.string().uuid() }),
});

/**
 * A recount of tracker hits goes on in a fresh run after the last call it reached; `passId` names the pass (its
 * first run) and `part` the run within it, so a repeated hand-over starts nothing twice.
 */
export const trackerRecountContinued = eventType("callbridge/tracker-recount.continued", {
  schema: z.object({ organizationId: z.string().uuid(), passId: z.string().min(1), part: z.number().int().min(2), afterId: z.string().uuid() }),
});

/** Something a webhook endpoint may subscribe to happened (lib/outbound/event-types.ts); fanned out to endpoints. */
export const outboundEventOccurred = eventType("callbridge/outbound-event.occurred", { schema: outboundEventRequestSchema });

/**
 * Deliver one recorded outbound delivery (a new one, a test event or a replay) with retries. The fan-out makes a
 * new delivery's first attempt itself and hands on only what is left: the attempt to continue with (from 1 unless
 * set), not before when, and whether the endpoint's throttle slot for it is already taken.
 */
export const outboundDeliveryRequested = eventType("callbridge/outbound-delivery.requested", {
  schema: z.object({
    deliveryId: z.string().uuid(),
    endpointId: z.string().uuid(),
    fromAttempt: z.number().int().min(1).max(21).optional(),
    notBeforeMs: z.number().int().optional(),
    slotReserved: z.boolean().optional(),
  }),
});
