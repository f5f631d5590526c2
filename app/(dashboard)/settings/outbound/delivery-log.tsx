import { History } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { SerializedDelivery } from "@/lib/outbound/manage/serialize-endpoint";
import { ReplayButton } from "./replay-button";

const TONES = { delivered: "success", pending: "warning", failed: "danger", cancelled: "neutral" } as const;

export function DeliveryLog({ endpointId, deliveries }: { endpointId: string; deliveries: SerializedDelivery[] }) {
  if (deliveries.length === 0) return <EmptyState icon={History} title="Nothing delivered yet. Send a test event to try the endpoint." />;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Event</Th>
          <Th>Status</Th>
          <Th>Response</Th>
          <Th>Latency</Th>
          <Th>Attempts</Th>
          <Th>Next retry</Th>
          <Th>Created</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => (
          <tr key={delivery.id}>
            <Td>
              <code className="font-mono text-xs">{delivery.event_type}</code>
              <div className="font-mono text-xs text-muted-foreground">{delivery.webhook_id}</div>
            </Td>
            <Td>
              <Badge tone={TONES[delivery.status]}>{delivery.status}</Badge>
              {delivery.replay_of ? <span className="ml-1 text-xs text-muted-foreground">replay</span> : null}
            </Td>
            <Td title={delivery.last_error ?? undefined}>{delivery.response_status ?? (delivery.last_error ? "No response" : "–")}</Td>
            <Td>{delivery.latency_ms === null ? "–" : `${delivery.latency_ms} ms`}</Td>
            <Td>{delivery.attempts}</Td>
            <Td>{delivery.next_attempt_at ? <RelativeTime date={delivery.next_attempt_at} /> : "–"}</Td>
            <Td>
              <RelativeTime date={delivery.created_at} />
            </Td>
            <Td>
              <ReplayButton endpointId={endpointId} deliveryId={delivery.id} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
