import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GongConnectionStatus } from "@/db/schema";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { CALLS_PER_RUN, type HeldCallsSyncEvent, queueHeldWebhookCalls } from "./queue-held-webhook-calls";

// The receiving side, and the calls held and taken up through real deliveries, are in receive-gong-webhook.integration.test.ts.
let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

type Scope = { organizationId: string; connectionId: string };

async function createConnection(status: GongConnectionStatus = "connected"): Promise<Scope> {
  const organizationId = await seedOrganization(database.db, `Org ${randomBytes(3).toString("hex")}`);
  const connectionId = await seedConnection(database.db, organizationId);
  await database.db.updateTable("gong_connections").set({ status }).where("id", "=", connectionId).execute();
  return { organizationId, connectionId };
}

/** Deliveries held while the connection needed re-authorization, one per call id. */
async function holdCalls(scope: Scope, callGongIds: string[]): Promise<void> {
  await database.db
    .insertInto("webhook_deliveries")
    .values(
      callGongIds.map((callGongId) => ({
        organization_id: scope.organizationId,
        connection_id: scope.connectionId,
        outcome: "deferred" as const,
        reason: "needs_reauth",
        http_status: 202,
        call_gong_id: callGongId,
        event_id: null,
        auth: "jwt" as const,
      })),
    )
    .execute();
}

const callIds = (count: number, prefix = "72") => Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(17, "0")}`);

const heldOf = (connectionId: string) =>
  database.db.selectFrom("webhook_deliveries").select(["call_gong_id", "event_id"]).where("connection_id", "=", connectionId).where("outcome", "=", "deferred").orderBy("call_gong_id").execute();

const runsOf = (organizationId: string) =>
  database.db.selectFrom("sync_runs").select(["id", "kind", "status", "error", "params"]).where("organization_id", "=", organizationId).orderBy("created_at").execute();

describe("queueHeldWebhookCalls", () => {
  it(`queues the missing calls in runs of ${CALLS_PER_RUN}, each run taking up its own held deliveries`, async () => {
    const scope = await createConnection();
    const ids = callIds(CALLS_PER_RUN + 1);
    await holdCalls(scope, ids);
    const sent: HeldCallsSyncEvent[] = [];
    const runIds = await queueHeldWebhookCalls(database.db, scope.connectionId, async (event) => void sent.push(event));

    expect(runIds).toHaveLength(2);
    const batches = [ids.slice(0, CALLS_PER_RUN), ids.slice(CALLS_PER_RUN)];
    expect(sent).toEqual(
      batches.map((callGongIds, index) =>
        expect.objectContaining({ name: "gong/calls.sync-requested", id: runIds[index], data: { connectionId: scope.connectionId, runId: runIds[index], callGongIds } }),
      ),
    );
    expect(await runsOf(scope.organizationId)).toEqual(
      batches.map((callGongIds, index) => ({ id: runIds[index], kind: "manual", status: "queued", error: null, params: { call_ids: callGongIds, source: "webhook_after_reconnect" } })),
    );
    expect(await heldOf(scope.connectionId)).toEqual(ids.map((id, index) => ({ call_gong_id: id, event_id: runIds[index < CALLS_PER_RUN ? 0 : 1] })));
  });

  it("queues no run when every announced call is already stored", async () => {
    const scope = await createConnection();
    const [id] = callIds(1, "73");
    await holdCalls(scope, [id!]);
    await database.db.insertInto("calls").values({ organization_id: scope.organizationId, connection_id: scope.connectionId, gong_id: id!, started_at: new Date(), synced_at: new Date() }).execute();
    const sent: HeldCallsSyncEvent[] = [];
    expect(await queueHeldWebhookCalls(database.db, scope.connectionId, async (event) => void sent.push(event))).toEqual([]);
    expect(sent).toEqual([]);
    expect(await runsOf(scope.organizationId)).toEqual([]);
    expect(await heldOf(scope.connectionId)).toEqual([{ call_gong_id: id, event_id: "stored" }]);
  });

  it("does nothing while Gong is not connected, or when no call was announced", async () => {
    const sent: HeldCallsSyncEvent[] = [];
    const send = async (event: HeldCallsSyncEvent) => void sent.push(event);
    for (const status of ["needs_reauth", "revoked"] as const) {
      const scope = await createConnection(status);
      await holdCalls(scope, callIds(2, "74"));
      expect(await queueHeldWebhookCalls(database.db, scope.connectionId, send)).toEqual([]);
      expect(await runsOf(scope.organizationId)).toEqual([]);
      expect(await heldOf(scope.connectionId)).toEqual(callIds(2, "74").map((id) => ({ call_gong_id: id, event_id: null })));
    }
    const quiet = await createConnection();
    expect(await queueHeldWebhookCalls(database.db, quiet.connectionId, send)).toEqual([]);
    expect(await runsOf(quiet.organizationId)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("fails the run with its reason when the event cannot be sent, and leaves the held deliveries for the next reconnect", async () => {
    const scope = await createConnection();
    const ids = callIds(2, "75");
    await holdCalls(scope, ids);
    const refusal = new Error("connect ECONNREFUSED");
    await expect(
      queueHeldWebhookCalls(database.db, scope.connectionId, async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await runsOf(scope.organizationId)).toEqual([
      {
        id: expect.any(String),
        kind: "manual",
        status: "failed",
        error: "Could not queue the sync of calls held while Gong needed re-authorization.",
        params: { call_ids: ids, source: "webhook_after_reconnect" },
      },
    ]);
    expect(await heldOf(scope.connectionId)).toEqual(ids.map((id) => ({ call_gong_id: id, event_id: null })));
  });
});
