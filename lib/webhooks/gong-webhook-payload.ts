import { z } from "zod";

/**
 * Only what routing needs (https://help.gong.io/docs/payload-sent-to-webhooks). The sync function fetches the
 * full call from the API, so an odd field elsewhere in `callData` must not cost us the delivery.
 */
export const gongWebhookPayloadSchema = z.looseObject({
  isTest: z.boolean().nullish().transform((value) => value ?? false),
  callData: z.looseObject({
    metaData: z.looseObject({ id: z.string().regex(/^\d{1,20}$/) }),
  }),
});

export type GongWebhookPayload = z.infer<typeof gongWebhookPayloadSchema>;

/** Parses the verified bytes; `undefined` for anything that is not JSON of Gong's shape. */
export function parseGongWebhookPayload(bytes: Uint8Array): GongWebhookPayload | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  const parsed = gongWebhookPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
