import type { Kysely } from "kysely";
import { getConnectionSubject, getCustomerId, getSyncRunSubject, listCallTranscript } from "@/db/queries/outbound/event-subjects";
import type { Database } from "@/db/schema";
import { buildCallEventData } from "./build-call-event-data";
import { OUTBOUND_EVENT_VERSION, type OutboundEventBody } from "./event-types";
import type { OutboundEventRequest } from "./outbound-event-request";
import { type OutboundLoaders, createOutboundLoaders } from "./outbound-loaders";

/** What a Slack endpoint's filters look at. */
export type CallFacts = { hasExternalParticipants: boolean; workspaceGongId: string | null; trackerIdsHit: string[] };

export type BuiltEvent = {
  body: OutboundEventBody;
  /** The same event with the transcript, for endpoints that opted in (call.transcript_ready only). */
  bodyWithTranscript?: OutboundEventBody;
  callFacts?: CallFacts;
};

/** The body every endpoint gets for an event, or null when its subject is gone (nothing left to tell). */
export async function buildEventBody(
  db: Kysely<Database>,
  request: OutboundEventRequest,
  appUrl: string,
  loaders: OutboundLoaders = createOutboundLoaders(db),
): Promise<BuiltEvent | null> {
  const wrap = (data: Record<string, unknown>): OutboundEventBody => ({ type: request.type, version: OUTBOUND_EVENT_VERSION, timestamp: request.occurredAt, data });
  switch (request.type) {
    case "call.synced":
    case "call.transcript_ready":
    case "call.insights_ready": {
      const subject = await loaders.callSubject.load(request.subjectId);
      if (!subject || subject.call.organization_id !== request.organizationId) return null;
      const data = buildCallEventData(subject, appUrl, request.type === "call.insights_ready");
      const callFacts: CallFacts = {
        hasExternalParticipants: subject.parties.some((party) => party.affiliation === "External"),
        workspaceGongId: subject.call.workspace_gong_id,
        trackerIdsHit: ((data.insights as { trackers?: { tracker_id: string }[] } | undefined)?.trackers ?? []).map((tracker) => tracker.tracker_id),
      };
      if (request.type !== "call.transcript_ready") return { body: wrap(data), callFacts };
      const segments = await listCallTranscript(db, subject.call.id);
      const transcript = segments.map((segment) => ({ speaker: speakerName(subject, segment.speaker_id), start_ms: segment.start_ms, text: segment.text }));
      return { body: wrap(data), bodyWithTranscript: wrap({ ...data, transcript }), callFacts };
    }
    case "call.deleted":
      return { body: wrap({ gong_id: request.subjectId, customer_id: await getCustomerId(db, request.organizationId), deleted_at: request.occurredAt }) };
    case "sync_run.completed":
    case "sync_run.failed": {
      const subject = await getSyncRunSubject(db, request.subjectId);
      if (!subject || subject.run.organization_id !== request.organizationId) return null;
      const { run } = subject;
      return {
        body: wrap({
          sync_run_id: run.id,
          customer_id: subject.customerId,
          kind: run.kind,
          status: run.status,
          calls: run.calls,
          transcripts: run.transcripts,
          error: run.error,
          started_at: run.started_at ? new Date(run.started_at).toISOString() : null,
          finished_at: run.finished_at ? new Date(run.finished_at).toISOString() : null,
          links: { sync_run: new URL(`/api/v1/sync_runs/${run.id}`, appUrl).toString() },
        }),
      };
    }
    case "connection.connected":
    case "connection.needs_reauthorization":
    case "connection.revoked": {
      const subject = await getConnectionSubject(db, request.subjectId);
      if (!subject || subject.connection.organization_id !== request.organizationId) return null;
      const { connection } = subject;
      return {
        body: wrap({ connection_id: connection.id, customer_id: subject.customerId, status: connection.status, gong_account_email: connection.gong_account_email }),
      };
    }
  }
}

function speakerName(subject: { parties: { speaker_id: string | null; name: string | null }[] }, speakerId: string | null): string | null {
  return subject.parties.find((party) => party.speaker_id !== null && party.speaker_id === speakerId)?.name ?? null;
}
