import { Badge } from "@/components/ui/badge";
import type { WebhookDeliveryItem } from "@/lib/hooks/use-webhook-deliveries";

export function DeliveryOutcomeBadge({ outcome }: { outcome: WebhookDeliveryItem["outcome"] }) {
  if (outcome === "test") return <Badge tone="success">Test received ✓</Badge>;
  if (outcome === "accepted") return <Badge tone="accent">Accepted</Badge>;
  if (outcome === "deferred") return <Badge tone="warning">Held</Badge>;
  return <Badge tone="danger">Rejected</Badge>;
}
