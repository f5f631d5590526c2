import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookDeliveryOutcome } from "@/db/schema";
import { NOT_QUEUED_ERROR } from "@/lib/sync/start-sync-run";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization, seedUser } from "@/test-support/seed-calls";
import { resendDeliveryCallSync } from "./resend-delivery-call-sync";

type Actor = { organizationId: string; userId: string };
type Sent = Parameters<Parameters<typeof resendDeliveryCallSync>[1]>[0];

let database: MigratedTestDatabase;
let actor: Actor;
let connectionId: string;
const sent: Sent[] = [];
const send = async (event: Sent) => void sent.push(event);

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const organizationId = await seedOrganization(database.db, "Resend Org");
  const userId = await seedUser(database.db, { organizationId, email: "admin@resend.test", name: "Ada", role: "admin" });
  actor = { organizationId, userId };
  connectionId = await seedConnection(database.db, organizationId);
});

afterAll(async () => {
  await database?.drop();
});

async function createDelivery(
  delivery: { outcome: WebhookDeliveryOutcome; callGongId: string | null; isTest?: boolean },
  scope = { organizationId: actor.organizationId, connectionId },
): Promise<string> {
  const row = await database.db
    .insertInto("webhook_deliveries")
    .values({
      organization_id: scope.organizationId,
      connection_id: scope.connectionId,
      outcome: delivery.outcome,
      reason: delivery.outcome === "rejected" ? "bad_token" : null,
      http_status: delivery.outcome === "rejected" ? 401 : 200,
      call_gong_id: delivery.callGongId,
      is_test: delivery.isTest ?? false,
      event_id: null,
      auth: "jwt",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const runsOf = (organizationId: string) =>
  database.db.selectFrom("sync_runs").select(["id", "kind", "status", "error", "requested_by_user_id", "connection_id", "params"]).where("organization_id", "=", organizationId).orderBy("created_at").execute();

const auditOf = (organizationId: string) =>
  database.db.selectFrom("audit_events").select(["actor_user_id", "action", "target", "details"]).where("organization_id", "=", organizationId).where("action", "like", "webhook.%").execute();

/** Runs `work`, then asserts it neither sent an event, nor recorded a run, nor audited anything. */
async function expectNothingQueued(work: () => Promise<unknown>) {
  const before = { sent: sent.length, runs: (await runsOf(actor.organizationId)).length, audit: (await auditOf(actor.organizationId)).length };
  await work();
  expect({ sent: sent.length, runs: (await runsOf(actor.organizationId)).length, audit: (await auditOf(actor.organizationId)).length }).toEqual(before);
}

describe("resendDeliveryCallSync", () => {
  it("queues one single-call sync run of the delivery's call and audits it with the delivery and the run", async () => {
    const deliveryId = await createDelivery({ outcome: "accepted", callGongId: "7100000000000000001" });
    const before = { sent: sent.length, runs: (await runsOf(actor.organizationId)).length };
    const result = await resendDeliveryCallSync(database.db, send, actor, deliveryId);
    expect(result).toEqual({ ok: true, runId: expect.any(String) });
    const runId = (result as { runId: string }).runId;

    expect(sent.slice(before.sent)).toEqual([
      expect.objectContaining({
        name: "gong/call.sync-requested",
        id: `webhook-resend-${runId}`,
        data: { connectionId, callGongId: "7100000000000000001", explicit: false, runId },
      }),
    ]);
    expect((await runsOf(actor.organizationId)).slice(before.runs)).toEqual([
      {
        id: runId,
        kind: "single_call",
        status: "queued",
        error: null,
        requested_by_user_id: actor.userId,
        connection_id: connectionId,
        params: { callGongIds: ["7100000000000000001"], deliveryId },
      },
    ]);
    expect((await auditOf(actor.organizationId)).at(-1)).toEqual({
      actor_user_id: actor.userId,
      action: "webhook.call_sync_resent",
      target: "7100000000000000001",
      details: { deliveryId, runId },
    });
  });

  it("refuses a delivery that is not in the organization's log", async () => {
    await expectNothingQueued(async () => {
      expect(await resendDeliveryCallSync(database.db, send, actor, randomUUID())).toEqual({ ok: false, error: "That delivery is no longer in the log." });
    });
    // Another organization's delivery is not in this one's log.
    const otherOrganizationId = await seedOrganization(database.db, "Other Org");
    const otherConnectionId = await seedConnection(database.db, otherOrganizationId);
    const foreign = await createDelivery({ outcome: "accepted", callGongId: "7100000000000000002" }, { organizationId: otherOrganizationId, connectionId: otherConnectionId });
    await expectNothingQueued(async () => {
      expect(await resendDeliveryCallSync(database.db, send, actor, foreign)).toEqual({ ok: false, error: "That delivery is no longer in the log." });
    });
    expect(await runsOf(otherOrganizationId)).toEqual([]);
  });

  it.each([
    ["a rejected delivery", { outcome: "rejected", callGongId: "7100000000000000003" }],
    ["a deferred delivery", { outcome: "deferred", callGongId: "7100000000000000004" }],
    ["an accepted test delivery", { outcome: "accepted", callGongId: "7100000000000000005", isTest: true }],
    ["an accepted delivery without a call id", { outcome: "accepted", callGongId: null }],
  ] as const)("refuses %s", async (_name, delivery) => {
    const deliveryId = await createDelivery(delivery);
    await expectNothingQueued(async () => {
      expect(await resendDeliveryCallSync(database.db, send, actor, deliveryId)).toEqual({ ok: false, error: "Only an accepted delivery of a call can be synced again." });
    });
  });

  it("refuses while Gong is not connected", async () => {
    const deliveryId = await createDelivery({ outcome: "accepted", callGongId: "7100000000000000006" });
    for (const status of ["needs_reauth", "revoked"] as const) {
      await database.db.updateTable("gong_connections").set({ status }).where("id", "=", connectionId).execute();
      try {
        await expectNothingQueued(async () => {
          expect(await resendDeliveryCallSync(database.db, send, actor, deliveryId)).toEqual({ ok: false, error: "Gong is not connected: reconnect it first." });
        });
      } finally {
        await database.db.updateTable("gong_connections").set({ status: "connected" }).where("id", "=", connectionId).execute();
      }
    }
  });

  it("tells the user to try again when the event cannot be sent, with the run failed and nothing audited", async () => {
    const deliveryId = await createDelivery({ outcome: "accepted", callGongId: "7100000000000000007" });
    const runsBefore = (await runsOf(actor.organizationId)).length;
    const auditBefore = (await auditOf(actor.organizationId)).length;
    const refusing = async () => {
      throw new Error("connect ECONNREFUSED");
    };
    expect(await resendDeliveryCallSync(database.db, refusing, actor, deliveryId)).toEqual({ ok: false, error: "The sync could not be queued. Try again in a moment." });
    expect((await runsOf(actor.organizationId)).slice(runsBefore)).toEqual([
      expect.objectContaining({ kind: "single_call", status: "failed", error: NOT_QUEUED_ERROR, params: { callGongIds: ["7100000000000000007"], deliveryId } }),
    ]);
    expect(await auditOf(actor.organizationId)).toHaveLength(auditBefore);
  });
});
