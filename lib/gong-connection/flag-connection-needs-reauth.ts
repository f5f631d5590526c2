import type { Kysely } from "kysely";
import { markGongConnectionNeedsReauth } from "@/db/queries/gong-connections";
import type { Database } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { outboundEventOccurred } from "@/inngest/events";
import { logger } from "@/lib/observability/logger";

/** Flags the connection for reconnecting and, the first time, tells the organization's webhook endpoints. */
export async function flagConnectionNeedsReauth(db: Kysely<Database>, connectionId: string, reason: string, options: { tokenVersion?: number } = {}): Promise<void> {
  const flagged = await markGongConnectionNeedsReauth(db, connectionId, reason, options);
  if (!flagged) return;
  const data = { type: "connection.needs_reauthorization" as const, organizationId: flagged.organization_id, subjectId: connectionId, occurredAt: new Date().toISOString() };
  await inngest.send(outboundEventOccurred.create(data)).catch((error: unknown) => {
    // The flag is what matters to the app; a lost notification must not fail the work that found the revoked grant.
    logger.error({ connectionId, organizationId: flagged.organization_id, error }, "could not queue connection.needs_reauthorization");
  });
}
