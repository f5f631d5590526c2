import type { Metadata } from "next";
import { ShieldAlert } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { listEndpointDeliveries } from "@/db/queries/outbound/outbound-deliveries";
import { listWebhookEndpoints } from "@/db/queries/outbound/webhook-endpoints";
import { listTrackers } from "@/db/queries/trackers";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getOutboundConfig } from "@/lib/env";
import { serializeDelivery, serializeEndpoint } from "@/lib/outbound/manage/serialize-endpoint";
import { CreateEndpointForm } from "./create-endpoint-form";
import { DeliveryLog } from "./delivery-log";
import { EndpointList } from "./endpoint-list";

export const metadata: Metadata = { title: "Outbound" };

export default async function OutboundSettingsPage({ searchParams }: { searchParams: Promise<{ endpoint?: string }> }) {
  const admin = await requireAdminOrForbidden();
  const [endpoints, trackers, { endpoint: selectedId }] = await Promise.all([
    listWebhookEndpoints(db, { kind: "organization", organizationId: admin.organizationId }),
    listTrackers(db, admin.organizationId),
    searchParams,
  ]);
  const selected = endpoints.find((endpoint) => endpoint.id === selectedId) ?? endpoints[0];
  const deliveries = selected ? (await listEndpointDeliveries(db, selected.id, 50)).map(serializeDelivery) : [];
  const { allowPrivateTargets } = getOutboundConfig();
  return (
    <>
      <PageHeader
        title="Outbound"
        description="Push events to your own systems as signed webhooks (Standard Webhooks), and post call summaries to Slack."
      />
      <div className="space-y-6">
        {allowPrivateTargets ? (
          <p role="status" className="flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 px-4 py-3 text-sm">
            <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
            OUTBOUND_ALLOW_PRIVATE_TARGETS is on: endpoints may use http:// and private or loopback addresses. Turn it off in production.
          </p>
        ) : null}
        <Card>
          <CardHeader
            title="Add an endpoint"
            description="Callbridge signs each request with the endpoint's secret and retries failures for about a day (5 s up to 10 h apart). Receivers should dedupe on the webhook-id header."
          />
          <CardBody>
            <CreateEndpointForm trackers={trackers.map((tracker) => ({ id: tracker.id, name: tracker.name }))} liveEndpointIds={endpoints.map((endpoint) => endpoint.id)} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Endpoints" description="An endpoint that answers 410, or fails for 3 days, is disabled; the reason shows here." />
          <EndpointList endpoints={endpoints.map(serializeEndpoint)} selectedId={selected?.id ?? null} />
        </Card>
        {selected ? (
          <Card id="deliveries">
            <CardHeader title="Delivery log" description={`The latest deliveries to ${serializeEndpoint(selected).url}, newest first.`} />
            <DeliveryLog endpointId={selected.id} deliveries={deliveries} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
