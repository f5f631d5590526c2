import { z } from "zod";
import { outboundEventTypeSchema } from "./event-types";

/** What the hooks in the sync, insights and connection code send: which event happened to which subject. */
export const outboundEventRequestSchema = z.object({
  type: outboundEventTypeSchema,
  organizationId: z.uuid(),
  /** The call id, sync run id or connection id; for call.deleted the call's Gong id. */
  subjectId: z.string().min(1).max(100),
  occurredAt: z.string().datetime({ offset: true }),
});

export type OutboundEventRequest = z.infer<typeof outboundEventRequestSchema>;
