"use client";

import Link from "next/link";
import { Inbox, RotateCw } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { type WebhookDeliveryItem, useWebhookDeliveries } from "@/lib/hooks/use-webhook-deliveries";
import { describeDeliveryReason } from "@/lib/webhooks/delivery-reasons";
import { DeliveryDetailDialog } from "./delivery-detail-dialog";
import { DeliveryOutcomeBadge } from "./delivery-outcome-badge";

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
          <Th>Call</Th>
          <Th className="hidden text-right sm:table-cell">HTTP</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {data.map((delivery) => (
          <tr key={delivery.id}>
            <Td className="whitespace-nowrap text-muted-foreground">
              <RelativeTime date={delivery.receivedAt} />
            </Td>
            <Td className="whitespace-nowrap">
              <DeliveryOutcomeBadge outcome={delivery.outcome} />
            </Td>
            <Td className="min-w-40">
              <DeliverySubject delivery={delivery} />
            </Td>
            <Td className="hidden text-right font-mono text-xs text-muted-foreground sm:table-cell">{delivery.httpStatus}</Td>
            <Td className="text-right">
              <DeliveryDetailDialog delivery={delivery} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The call a delivery announced, linked when Callbridge holds it, and what became of the delivery. */
export function DeliverySubject({ delivery }: { delivery: WebhookDeliveryItem }) {
  const call = delivery.call ? (
    <Link href={`/calls/${delivery.call.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
      {delivery.call.title}
    </Link>
  ) : delivery.callGongId ? (
    <span>
      Gong call <span className="font-mono text-xs">{delivery.callGongId}</span>
    </span>
  ) : null;
  return (
    <div className="space-y-0.5">
      {call ? <p className="break-words">{call}</p> : null}
      <p className="text-xs text-muted-foreground">{describe(delivery)}</p>
    </div>
  );
}

function describe(delivery: WebhookDeliveryItem): string {
  if (delivery.outcome === "rejected") return describeDeliveryReason(delivery.reason);
  if (delivery.outcome === "test") return "Test delivery; nothing synced";
  if (delivery.outcome === "deferred") return HELD[delivery.held ?? "waiting"];
  return delivery.call ? "Synced" : "Queued for sync";
}

const HELD: Record<NonNullable<WebhookDeliveryItem["held"]>, string> = {
  waiting: "Not synced yet: Gong needs re-authorization. It syncs once Gong is reconnected.",
  queued: "Held while Gong needed re-authorization; sync queued after reconnecting",
  stored: "Held while Gong needed re-authorization; it was synced meanwhile",
  deleted: "Held while Gong needed re-authorization; not synced, as it was deleted in Callbridge",
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
