"use client";

import { Inbox, RotateCw } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { type WebhookDeliveryItem, useWebhookDeliveries } from "@/lib/hooks/use-webhook-deliveries";
import { describeDeliveryReason } from "@/lib/webhooks/delivery-reasons";

export function RecentDeliveries() {
  const { data, error, isPending, refetch, isRefetching } = useWebhookDeliveries();
  if (isPending) return <DeliveriesSkeleton />;
  if (error && !data) {
    return (
      <div role="alert" className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 text-sm text-danger">
        {error.message}
        <Button variant="secondary" size="sm" onClick={() => refetch()} disabled={isRefetching}>
          <RotateCw aria-hidden />
          Retry
        </Button>
      </div>
    );
  }
  if (data.length === 0) {
    return (
      <EmptyState icon={Inbox} title="No deliveries yet — use Test now in Gong">
        Deliveries appear here within seconds, including tests and rejected ones with the reason.
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Recent deliveries">
      <thead>
        <tr>
          <Th>Received</Th>
          <Th>Outcome</Th>
          <Th>Details</Th>
          <Th className="text-right">HTTP</Th>
        </tr>
      </thead>
      <tbody>
        {data.map((delivery) => (
          <tr key={delivery.id}>
            <Td className="whitespace-nowrap text-muted-foreground">
              <RelativeTime date={delivery.receivedAt} />
            </Td>
            <Td className="whitespace-nowrap">
              <OutcomeBadge outcome={delivery.outcome} />
            </Td>
            <Td className="min-w-48">{describe(delivery)}</Td>
            <Td className="text-right font-mono text-xs text-muted-foreground">{delivery.httpStatus}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function OutcomeBadge({ outcome }: { outcome: WebhookDeliveryItem["outcome"] }) {
  if (outcome === "test") return <Badge tone="success">Test received ✓</Badge>;
  if (outcome === "accepted") return <Badge tone="accent">Accepted</Badge>;
  if (outcome === "deferred") return <Badge tone="warning">Held</Badge>;
  return <Badge tone="danger">Rejected</Badge>;
}

function describe(delivery: WebhookDeliveryItem): string {
  if (delivery.outcome === "rejected") return describeDeliveryReason(delivery.reason);
  if (delivery.outcome === "test") return delivery.callGongId ? `Test for call ${delivery.callGongId}; nothing synced` : "Test delivery";
  if (delivery.outcome === "deferred") return HELD[delivery.held ?? "waiting"].replace("{call}", delivery.callGongId ?? "?");
  return `Call ${delivery.callGongId ?? "?"} queued for sync`;
}

const HELD: Record<NonNullable<WebhookDeliveryItem["held"]>, string> = {
  waiting: "Call {call} not synced yet: Gong needs re-authorization. It syncs once Gong is reconnected.",
  queued: "Call {call} held while Gong needed re-authorization; sync queued after reconnecting",
  stored: "Call {call} held while Gong needed re-authorization; it was synced meanwhile",
  deleted: "Call {call} held while Gong needed re-authorization; not synced, as it was deleted in Callbridge",
};

function DeliveriesSkeleton() {
  return (
    <div role="status" className="space-y-2 px-5 py-4" aria-busy="true" aria-label="Loading deliveries">
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-6 animate-pulse rounded bg-muted" />
      ))}
    </div>
  );
}
