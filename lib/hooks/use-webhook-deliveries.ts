"use client";

import { useQuery } from "@tanstack/react-query";
import { z } from "zod";

const webhookDeliverySchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  outcome: z.enum(["accepted", "test", "rejected", "deferred"]),
  reason: z.string().nullable(),
  httpStatus: z.number(),
  callGongId: z.string().nullable(),
  isTest: z.boolean(),
  /** The method the delivery was checked with; null for deliveries recorded before it was kept. */
  auth: z.enum(["jwt", "url-key"]).nullable(),
  /** The synced call it announced, when Callbridge holds it. */
  call: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** For a deferred delivery: waiting for Gong to be reconnected, or what happened once it was. */
  held: z.enum(["waiting", "queued", "stored", "deleted"]).nullable(),
});
export type WebhookDeliveryItem = z.infer<typeof webhookDeliverySchema>;

const responseSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });

export const webhookDeliveryKeys = {
  all: ["webhook-deliveries"] as const,
  recent: () => [...webhookDeliveryKeys.all, "recent"] as const,
};

/** The newest deliveries to this organization's webhook, polled so a "Test now" shows up within seconds. */
export function useWebhookDeliveries() {
  return useQuery({
    queryKey: webhookDeliveryKeys.recent(),
    queryFn: async () => {
      const response = await fetch("/api/webhooks/gong/deliveries", { cache: "no-store" });
      if (!response.ok) throw new Error(`Could not load deliveries (HTTP ${response.status}).`);
      return responseSchema.parse(await response.json()).deliveries;
    },
    refetchInterval: 2_500,
    staleTime: 0,
  });
}
