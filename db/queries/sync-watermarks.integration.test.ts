import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GongConnectionStatus, SyncRunKind, SyncRunStatus } from "@/db/schema";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { listConnectionsDueForSync, upsertSyncWatermark } from "./sync-watermarks";

let database: MigratedTestDatabase;

const hoursAgo = (hours: number) => sql<Date>`now() - make_interval(hours => ${hours})`;

type Setup = {
  interval: 6 | 12 | 24 | null;
  connectedHoursAgo?: number;
  lastRunHoursAgo?: number;
  status?: GongConnectionStatus;
  run?: { kind: SyncRunKind; status: SyncRunStatus; scheduledBy?: string };
};

/** One organization and connection per case: an organization has one connection. */
async function seedCase(name: string, setup: Setup): Promise<string> {
  const { db } = database;
  const organizationId = await seedOrganization(db, name);
  const connectionId = await seedConnection(db, organizationId);
  await db
    .updateTable("gong_connections")
    .set({ auto_sync_interval_hours: setup.interval, connected_at: hoursAgo(setup.connectedHoursAgo ?? 0), status: setup.status ?? "connected" })
    .where("id", "=", connectionId)
    .execute();
  if (setup.lastRunHoursAgo !== undefined) {
    await upsertSyncWatermark(db, connectionId, { syncedThrough: new Date("2026-01-01T00:00:00Z"), runStartedAt: new Date("2000-01-01T00:00:00Z") });
    await db.updateTable("sync_watermarks").set({ last_run_started_at: hoursAgo(setup.lastRunHoursAgo) }).where("connection_id", "=", connectionId).execute();
  }
  if (setup.run) {
    await db
      .insertInto("sync_runs")
      .values({ organization_id: organizationId, connection_id: connectionId, kind: setup.run.kind, status: setup.run.status, params: JSON.stringify({ scheduledBy: setup.run.scheduledBy }) })
      .execute();
  }
  return connectionId;
}

async function dueAmong(cases: Record<string, Setup>, options?: { exceptScheduledBy?: string }): Promise<string[]> {
  const names = new Map<string, string>();
  for (const [name, setup] of Object.entries(cases)) names.set(await seedCase(name, setup), name);
  const due = await listConnectionsDueForSync(database.db, options);
  return due.flatMap((connection) => names.get(connection.id) ?? []).sort();
}

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});
afterAll(() => database?.drop());

describe("which connections the schedule syncs", () => {
  it("syncs each connection once its interval has passed since its last full or scheduled run started, never when auto-sync is off", async () => {
    const due = await dueAmong({
      "off, synced a month ago": { interval: null, connectedHoursAgo: 1000, lastRunHoursAgo: 720 },
      "6 h, synced 5 h ago": { interval: 6, connectedHoursAgo: 1000, lastRunHoursAgo: 5 },
      "6 h, synced 7 h ago": { interval: 6, connectedHoursAgo: 1000, lastRunHoursAgo: 7 },
      "12 h, synced 11 h ago": { interval: 12, connectedHoursAgo: 1000, lastRunHoursAgo: 11 },
      "12 h, synced 13 h ago": { interval: 12, connectedHoursAgo: 1000, lastRunHoursAgo: 13 },
      "24 h, synced 23 h ago": { interval: 24, connectedHoursAgo: 1000, lastRunHoursAgo: 23 },
      "24 h, synced 25 h ago": { interval: 24, connectedHoursAgo: 1000, lastRunHoursAgo: 25 },
      "24 h, connected a minute ago, synced 25 h ago": { interval: 24, connectedHoursAgo: 0, lastRunHoursAgo: 25 },
    });
    expect(due).toEqual(["12 h, synced 13 h ago", "24 h, connected a minute ago, synced 25 h ago", "24 h, synced 25 h ago", "6 h, synced 7 h ago"]);
  });

  it("waits a full interval after connecting before the first scheduled sync of a connection that never synced", async () => {
    const due = await dueAmong({
      "never synced, 24 h, connected just now": { interval: 24 },
      "never synced, 24 h, connected 23 h ago": { interval: 24, connectedHoursAgo: 23 },
      "never synced, 24 h, connected 25 h ago": { interval: 24, connectedHoursAgo: 25 },
      "never synced, 6 h, connected 7 h ago": { interval: 6, connectedHoursAgo: 7 },
      "never synced, off, connected a month ago": { interval: null, connectedHoursAgo: 720 },
    });
    expect(due).toEqual(["never synced, 24 h, connected 25 h ago", "never synced, 6 h, connected 7 h ago"]);
  });

  it("starts nothing for a connection with a full or scheduled run queued or running, or that cannot reach Gong", async () => {
    const due = await dueAmong({
      "scheduled run queued": { interval: 6, lastRunHoursAgo: 30, connectedHoursAgo: 100, run: { kind: "scheduled", status: "queued" } },
      "backfill running": { interval: 6, lastRunHoursAgo: 30, connectedHoursAgo: 100, run: { kind: "backfill", status: "running" } },
      "scheduled run failed": { interval: 6, lastRunHoursAgo: 30, connectedHoursAgo: 100, run: { kind: "scheduled", status: "failed" } },
      // A manual sync does not move the watermark; the scheduled one waits behind it on the connection's key.
      "manual run running": { interval: 6, lastRunHoursAgo: 30, connectedHoursAgo: 100, run: { kind: "manual", status: "running" } },
      "needs re-authorization": { interval: 6, lastRunHoursAgo: 30, connectedHoursAgo: 100, status: "needs_reauth" },
      revoked: { interval: 6, lastRunHoursAgo: 30, connectedHoursAgo: 100, status: "revoked" },
    });
    expect(due).toEqual(["manual run running", "scheduled run failed"]);
  });

  it("counts a scheduler run's own queued runs as not going, so its retry sends them", async () => {
    const mine = await seedCase("queued by this scheduler run", { interval: 6, lastRunHoursAgo: 30, run: { kind: "scheduled", status: "queued", scheduledBy: "scheduler-1" } });
    const other = await seedCase("queued by another scheduler run", { interval: 6, lastRunHoursAgo: 30, run: { kind: "scheduled", status: "queued", scheduledBy: "scheduler-2" } });
    const due = (await listConnectionsDueForSync(database.db, { exceptScheduledBy: "scheduler-1" })).map((connection) => connection.id);
    expect(due).toContain(mine);
    expect(due).not.toContain(other);
    expect((await listConnectionsDueForSync(database.db)).map((connection) => connection.id)).not.toContain(mine);
  });
});
