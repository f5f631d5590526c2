import "server-only";
import { z } from "zod";
import { nullable } from "./common";
import { extensiveCallSchema } from "./extensive-calls";

/** https://help.gong.io/docs/payload-sent-to-webhooks: `callData` has the `/v2/calls/extensive` call shape. */
export const webhookPayloadSchema = z.looseObject({
  isTest: nullable(z.boolean()).transform((value) => value ?? false),
  callData: extensiveCallSchema,
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export const webhookClaimsSchema = z.looseObject({
  webhook_url: z.string(),
  body_sha256: z.string(),
  exp: z.number(),
});
export type WebhookClaims = z.infer<typeof webhookClaimsSchema>;
