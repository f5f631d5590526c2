import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { gongCallInsightsComputed, gongCallSynced, gongConnectionCreated, gongConnectionRevoked, gongSyncRunEnded, outboundDeliveryRequested, outboundEventOccurred } from "@/inngest/events";
import { stepSendEventsInChunks } from "@/inngest/send-events-in-chunks";
import { getEnv, getOutboundConfig } from "@/lib/env";
import { startFirstAttempts } from "@/lib/outbound/attempt-first-deliveries";
import { getOutboundEncryptionKey } from "@/lib/outbound/get-encryption-key";
import { createOutboundLoaders } from "@/lib/outbound/outbound-loaders";
import { recordOutboundDeliveries } from "@/lib/outbound/record-outbound-deliveries";
import { rememberedEndpointLookup } from "@/lib/outbound/remembered-endpoint-lookup";
import { toOutboundEventRequests } from "@/lib/outbound/to-outbound-event-request";

/** Events one run fans out (Inngest's largest batch). */
const MAX_EVENTS_PER_RUN = 100;
/** What the first attempts' answers come to is written this often, together (see createOutboundLoaders). */
const WRITE_WINDOW_MS = 10;

/**
 * Turns what happened in the app into outbound webhook deliveries. The events of up to a second are taken
 * together: one step records one delivery per subscribed endpoint of each and makes every delivery's first
 * attempt, and only the deliveries that attempt did not settle get a `deliver-outbound-webhook` run, to go on
 * with the retry schedule. A delivery's first attempt is then part of one step of a shared run, not runs of its own
 * queued behind the calls' sync and insights runs. The step's reads and writes go through one set of loaders, so
 * its hundred events and their first attempts are a few dozen statements, not several hundred.
 *
 * At least once and idempotent: the deliveries' ids derive from their events, so a retried step records nothing
 * twice and sends the same webhook-ids again (deliveries already settled are skipped), and the runs it starts
 * have event ids of their deliveries, so none starts twice. Batched, so no `cancelOn`.
 */
export const fanOutOutboundEvent = inngest.createFunction(
  {
    id: "fan-out-outbound-event",
    triggers: [outboundEventOccurred, gongCallSynced, gongCallInsightsComputed, gongSyncRunEnded, gongConnectionCreated, gongConnectionRevoked],
    batchEvents: { maxSize: MAX_EVENTS_PER_RUN, timeout: "1s" },
  },
  async ({ events, step }) => {
    // One step, so the first attempts wait for one turn in the executor's queue, not two: run again, it records
    // nothing twice and skips the deliveries already settled. Each event's first attempts start as soon as its own
    // deliveries are recorded.
    const { deliveries, handoffs } = await step.run("record-and-attempt-deliveries", async () => {
      const appUrl = getEnv().APP_URL;
      const loaders = createOutboundLoaders(db, { writeWindowMs: WRITE_WINDOW_MS });
      const lookups = { endpointsFor: rememberedEndpointLookup(db), loaders };
      const firstAttempts = startFirstAttempts(db, { ...getOutboundConfig(), getEncryptionKey: getOutboundEncryptionKey, loaders });
      const settled = await Promise.allSettled(
        events.map(async (event) => {
          const requests = await toOutboundEventRequests(db, event, loaders);
          const recorded = (await Promise.all(requests.map(({ request, sourceKey }) => recordOutboundDeliveries(db, request, sourceKey, appUrl, lookups)))).flat();
          return { recorded: recorded.map((delivery) => delivery.deliveryId), handoffs: await firstAttempts.attempt(recorded) };
        }),
      );
      // Every event's attempts end before an error is thrown, so a retry of the step never overlaps this one's.
      const failure = settled.find((each) => each.status === "rejected");
      if (failure) throw failure.reason;
      const done = settled.flatMap((each) => (each.status === "fulfilled" ? [each.value] : []));
      return { deliveries: new Set(done.flatMap((each) => each.recorded)).size, handoffs: done.flatMap((each) => each.handoffs) };
    });
    const runs = handoffs.map(({ deliveryId, ...rest }) => outboundDeliveryRequested.create({ deliveryId, ...rest }, { id: `delivery-${deliveryId}` }));
    await stepSendEventsInChunks(step, "start-deliveries", runs);
    return { events: events.length, deliveries, handedOn: handoffs.length };
  },
);
