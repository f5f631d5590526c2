"use client";

import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { type WebhookDeliveryItem, useWebhookDeliveries } from "@/lib/hooks/use-webhook-deliveries";
import { describeDeliveryReason } from "@/lib/webhooks/delivery-reasons";

type Health = { tone: "success" | "warning" | "danger" | "neutral"; label: string; detail: React.ReactNode };

/** The webhook's state as the last delivery shows it: a rule can be set up here and still be failing in Gong. */
export function WebhookHealth({ ready }: { ready: boolean }) {
  const { data } = useWebhookDeliveries();
  const health = describeHealth(ready, data?.[0]);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" role="status" aria-label="Webhook health">
      <Badge tone={health.tone}>{health.label}</Badge>
      <span className="text-muted-foreground">{health.detail}</span>
    </div>
  );
}

function describeHealth(ready: boolean, last: WebhookDeliveryItem | undefined): Health {
  if (!ready) return { tone: "warning", label: "Waiting for setup", detail: "Finish the steps below; deliveries are refused until then." };
  if (!last) return { tone: "neutral", label: "No deliveries yet", detail: "Use Test now in the Gong rule to check the setup." };
  const when = <RelativeTime date={last.receivedAt} />;
  if (last.outcome === "rejected") {
    return { tone: "danger", label: "Last delivery rejected", detail: <>{describeDeliveryReason(last.reason)} · {when}</> };
  }
  if (last.outcome === "deferred") return { tone: "warning", label: "Deliveries held", detail: <>Reconnect Gong to sync them · last {when}</> };
  return { tone: "success", label: "Receiving deliveries", detail: <>Last delivery verified {when}</> };
}
