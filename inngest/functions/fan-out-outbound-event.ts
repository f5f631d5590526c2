import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { gongCallInsightsComputed, gongCallSynced, gongConnectionCreated, gongConnectionRevoked, gongSyncRunEnded, outboundDeliveryRequested, outboundEventOccurred } from "@/inngest/events";
import { getEnv } from "@/lib/env";
import { recordOutboundDeliveries } from "@/lib/outbound/record-outbound-deliveries";
import { toOutboundEventRequests } from "@/lib/outbound/to-outbound-event-request";

/**
 * Turns what happened in the app into outbound webhook deliveries: one recorded delivery per subscribed endpoint,
 * then one delivery run each. The deliveries' ids are stable, so a retried step records and starts nothing twice.
 */
export const fanOutOutboundEvent = inngest.createFunction(
  {
    id: "fan-out-outbound-event",
    triggers: [outboundEventOccurred, gongCallSynced, gongCallInsightsComputed, gongSyncRunEnded, gongConnectionCreated, gongConnectionRevoked],
  },
  async ({ event, step }) => {
    const queued = await step.run("record-deliveries", async () => {
      const requests = await toOutboundEventRequests(db, event);
      const appUrl = getEnv().APP_URL;
      const all = await Promise.all(requests.map(({ request, sourceKey }) => recordOutboundDeliveries(db, request, sourceKey, appUrl)));
      return all.flat();
    });
    if (queued.length === 0) return { deliveries: 0 };
    await step.sendEvent(
      "start-deliveries",
      queued.map(({ deliveryId, endpointId }) => outboundDeliveryRequested.create({ deliveryId, endpointId }, { id: `delivery-${deliveryId}` })),
    );
    return { deliveries: queued.length };
  },
);
