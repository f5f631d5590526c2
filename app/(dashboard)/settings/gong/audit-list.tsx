import { History } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/relative-time";
import type { AuditEventRow } from "@/db/queries/audit-events";

const DESCRIPTIONS: Record<string, string> = {
  "gong.connected": "connected Gong",
  "gong.disconnected": "disconnected Gong",
  "gong.settings_changed": "changed the sync settings",
};

export function AuditList({ events }: { events: AuditEventRow[] }) {
  if (events.length === 0) return <EmptyState icon={History} title="Nothing has happened yet" />;
  return (
    <ul className="divide-y divide-border">
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-2.5 text-sm">
          <span>
            <span className="font-medium">{event.actor_name ?? "An API client"}</span> {DESCRIPTIONS[event.action] ?? event.action}
          </span>
          <span className="text-xs text-muted-foreground">
            <RelativeTime date={event.created_at} />
          </span>
        </li>
      ))}
    </ul>
  );
}
