import type { CallSubject } from "@/db/queries/outbound/event-subjects";
import type { CallInsights } from "@/lib/insights";

const iso = (value: Date | string) => new Date(value).toISOString();

/** The data of a call event: ids, title, times, participants' emails and links; never tokens or transcript text. */
export function buildCallEventData(subject: CallSubject, appUrl: string, withInsights: boolean): Record<string, unknown> {
  const { call } = subject;
  const data: Record<string, unknown> = {
    call_id: call.id,
    gong_id: call.gong_id,
    customer_id: subject.customerId,
    title: call.title,
    started_at: iso(call.started_at),
    duration_seconds: call.duration_seconds,
    workspace_gong_id: call.workspace_gong_id,
    participants: subject.parties.map((party) => ({ name: party.name, email: party.email, affiliation: party.affiliation })),
    transcript_status: call.transcript_status,
    links: { call: new URL(`/calls/${call.id}`, appUrl).toString(), file: new URL(`/api/v1/files/${call.id}`, appUrl).toString() },
  };
  if (withInsights) data.insights = summarizeInsights(subject);
  return data;
}

function summarizeInsights(subject: CallSubject) {
  const insights = subject.insights as Partial<CallInsights> | null;
  const extractive = (insights?.summary ?? []).map((sentence) => sentence.text).join(" ");
  return {
    summary: subject.llmSummary ?? (extractive || null),
    next_steps: (insights?.nextSteps ?? []).map((step) => step.text),
    trackers: (insights?.trackers ?? []).filter((tracker) => tracker.count > 0).map((tracker) => ({ tracker_id: tracker.trackerId, name: tracker.name, count: tracker.count })),
  };
}
