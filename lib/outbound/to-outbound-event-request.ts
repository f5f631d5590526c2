import type { Kysely } from "kysely";
import { getSyncRunOutcome } from "@/db/queries/outbound/event-subjects";
import type { Database } from "@/db/schema";
import type { OutboundEventRequest } from "./outbound-event-request";
import { type OutboundLoaders, createOutboundLoaders } from "./outbound-loaders";

type TriggerEvent = { id?: string; name: string; data: Record<string, unknown>; ts?: number };

/**
 * The outbound events an app event means, each with the key its webhook-id derives from: stored calls
 * (gong/call.synced) are call.synced, and call.transcript_ready too when the transcript came with them; a bulk
 * run's end is sync_run.completed or .failed (once per run, keyed by the run); connects and revokes keep their
 * events' ids. callbridge/outbound-event.occurred, sent by the other hooks, is taken as it is. Calls are looked up
 * through `loaders`, so the events of a batch share their queries.
 */
export async function toOutboundEventRequests(
  db: Kysely<Database>,
  event: TriggerEvent,
  loaders: OutboundLoaders = createOutboundLoaders(db),
): Promise<{ request: OutboundEventRequest; sourceKey: string }[]> {
  const occurredAt = new Date(event.ts ?? Date.now()).toISOString();
  const eventKey = event.id ?? `${event.name}:${JSON.stringify(event.data)}`;
  switch (event.name) {
    case "callbridge/outbound-event.occurred": {
      const request = event.data as OutboundEventRequest;
      return [{ request, sourceKey: eventKey }];
    }
    case "gong/call.synced": {
      const callId = String(event.data.callId);
      const call = await loaders.callOrganization.load(callId);
      if (!call) return [];
      const base = { organizationId: call.organization_id, subjectId: callId, occurredAt };
      const synced = [{ request: { ...base, type: "call.synced" as const }, sourceKey: eventKey }];
      return call.transcript_status === "ready" ? [...synced, { request: { ...base, type: "call.transcript_ready" as const }, sourceKey: eventKey }] : synced;
    }
    case "gong/call.insights-computed": {
      const callId = String(event.data.callId);
      const call = await loaders.callOrganization.load(callId);
      return call ? [{ request: { type: "call.insights_ready", organizationId: call.organization_id, subjectId: callId, occurredAt }, sourceKey: eventKey }] : [];
    }
    case "gong/sync-run.ended": {
      const runId = String(event.data.runId);
      const run = await getSyncRunOutcome(db, runId);
      if (!run || (run.status !== "succeeded" && run.status !== "failed")) return [];
      const type = run.status === "succeeded" ? ("sync_run.completed" as const) : ("sync_run.failed" as const);
      return [{ request: { type, organizationId: run.organization_id, subjectId: runId, occurredAt }, sourceKey: runId }];
    }
    case "gong/connection.created":
    case "gong/connection.revoked": {
      const type = event.name === "gong/connection.created" ? ("connection.connected" as const) : ("connection.revoked" as const);
      const request = { type, organizationId: String(event.data.organizationId), subjectId: String(event.data.connectionId), occurredAt };
      return [{ request, sourceKey: eventKey }];
    }
    default:
      return [];
  }
}
