import { z } from "zod";
import { createAuditEvent } from "@/db/queries/audit-events";
import { defineApiEndpoint } from "../api-endpoint";
import { idListSchema } from "../api-schemas";

/** "Every 24 hours" is the schedule the API turns on; finer intervals stay a choice on the settings page. */
export const AUTO_SYNC_INTERVAL_HOURS = 24;

// Reconnecting reopens the same connection row and keeps its schedule, so the choice is saved in every case.
const STATUS_BY_CONNECTION = { connected: "updated", needs_reauth: "needs_reauth", revoked: "disconnected" } as const;

export const updateUsersEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/update_users",
  operationId: "updateUsers",
  summary: "Turn scheduled syncing on or off for customers",
  description:
    'Platform keys only. For each customer, turns 24-hourly scheduled syncing of its Gong connection on when "GONG" is among auto_sync_enabled_sources (or it is "ALL"), and off when it is left out. Unknown customers are reported, not fatal. The status says whether syncing actually runs: "updated" when Gong is connected; "needs_reauth" or "disconnected" when the choice is saved but nothing syncs until the customer connects Gong again (POST /integrations/oauth_url); "not_connected" when the customer never connected Gong, and nothing is saved.',
  access: "platform",
  input: z.strictObject({
    customer_ids: idListSchema(z.string().trim().min(1).max(200), "customer_id").describe("Organizations' external ids."),
    auto_sync_enabled_sources: z
      .union([z.literal("ALL"), z.array(z.enum(["GONG"]))])
      .describe('Sources to sync on a schedule: "ALL", ["GONG"], or [] to turn scheduled syncing off.'),
  }),
  response: z.object({
    results: z.array(
      z.object({
        customer_id: z.string(),
        status: z
          .enum(["updated", "needs_reauth", "disconnected", "not_connected", "unknown_customer"])
          .describe("updated: in effect. needs_reauth, disconnected: saved, in effect once Gong is connected again. not_connected, unknown_customer: nothing saved."),
        auto_sync_enabled_sources: z.array(z.enum(["GONG"])).describe("The sources now saved for the customer."),
      }),
    ),
    unknown_customer_ids: z.array(z.string()),
  }),
  run: async (ctx, input) => {
    const enabled = input.auto_sync_enabled_sources === "ALL" || input.auto_sync_enabled_sources.includes("GONG");
    const interval = enabled ? AUTO_SYNC_INTERVAL_HOURS : null;
    const customerIds = [...new Set(input.customer_ids)];
    const organizations = await ctx.db.selectFrom("organizations").select(["id", "external_id"]).where("external_id", "in", customerIds).execute();
    const results = await ctx.db.transaction().execute(async (trx) => {
      const done = [];
      for (const customerId of customerIds) {
        const organization = organizations.find((row) => row.external_id === customerId);
        if (!organization) {
          done.push({ customer_id: customerId, status: "unknown_customer" as const, auto_sync_enabled_sources: [] });
          continue;
        }
        const updated = await trx
          .updateTable("gong_connections")
          .set({ auto_sync_interval_hours: interval, updated_at: new Date() })
          .where("organization_id", "=", organization.id)
          .returning(["id", "status"])
          .executeTakeFirst();
        if (!updated) {
          done.push({ customer_id: customerId, status: "not_connected" as const, auto_sync_enabled_sources: [] });
          continue;
        }
        await createAuditEvent(trx, {
          organizationId: organization.id,
          actorUserId: null,
          action: "gong.settings_changed",
          details: { auto_sync_interval_hours: interval, via: "api", api_key_id: ctx.principal.keyId },
        });
        done.push({ customer_id: customerId, status: STATUS_BY_CONNECTION[updated.status], auto_sync_enabled_sources: enabled ? ["GONG" as const] : [] });
      }
      return done;
    });
    return { results, unknown_customer_ids: results.filter((result) => result.status === "unknown_customer").map((result) => result.customer_id) };
  },
});
