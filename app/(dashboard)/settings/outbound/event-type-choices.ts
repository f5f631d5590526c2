import type { OutboundEventType } from "@/lib/outbound/event-types";

export const EVENT_TYPE_CHOICES: { type: OutboundEventType; label: string }[] = [
  { type: "call.synced", label: "a call was stored" },
  { type: "call.transcript_ready", label: "its transcript is in" },
  { type: "call.insights_ready", label: "its insights are in" },
  { type: "call.deleted", label: "a call was deleted" },
  { type: "sync_run.completed", label: "a sync finished" },
  { type: "sync_run.failed", label: "a sync failed" },
  { type: "connection.connected", label: "Gong was connected" },
  { type: "connection.needs_reauthorization", label: "Gong needs reconnecting" },
  { type: "connection.revoked", label: "Gong was disconnected" },
];
