import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

export type AuditEventInput = {
  organizationId: string;
  actorUserId: string | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
};

export async function createAuditEvent(db: Kysely<Database>, event: AuditEventInput): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      organization_id: event.organizationId,
      actor_user_id: event.actorUserId,
      action: event.action,
      target: event.target ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export type AuditEventRow = {
  id: string;
  action: string;
  target: string | null;
  details: unknown;
  created_at: Date;
  actor_name: string | null;
};

export function listAuditEvents(
  db: Kysely<Database>,
  organizationId: string,
  options: { actionPrefix?: string; limit?: number } = {},
): Promise<AuditEventRow[]> {
  let query = db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_user_id")
    .select([
      "audit_events.id",
      "audit_events.action",
      "audit_events.target",
      "audit_events.details",
      "audit_events.created_at",
      "users.name as actor_name",
    ])
    .where("audit_events.organization_id", "=", organizationId);
  if (options.actionPrefix) query = query.where("audit_events.action", "like", `${options.actionPrefix}%`);
  return query.orderBy("audit_events.id", "desc").limit(options.limit ?? 50).execute();
}
