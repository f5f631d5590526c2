import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization } from "@/test-support/seed-calls";
import { deleteCallsByGongId } from "./deleted-calls";
import { purgeSyncedRecords } from "./purge-synced-data";
import {
  listQuarantinedCallIdsToRetry,
  listQuarantinedRecords,
  quarantineGongRecords,
  type QuarantineEntry,
  releaseQuarantinedRecords,
} from "./quarantined-gong-records";

let database: MigratedTestDatabase;
let scope: { organizationId: string; connectionId: string };
let other: { organizationId: string; connectionId: string };

const entry = (gongId: string, source: QuarantineEntry["source"] = "call", fieldPath = "parties[1].speakerId"): QuarantineEntry => ({ gongId, source, fieldPath, valueType: "number" });

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const organizationId = await seedOrganization(database.db, "Acme");
  scope = { organizationId, connectionId: await seedConnection(database.db, organizationId) };
  const otherOrganization = await seedOrganization(database.db, "Other");
  other = { organizationId: otherOrganization, connectionId: await seedConnection(database.db, otherOrganization) };
});
afterAll(() => database?.drop());

describe("quarantined Gong records", () => {
  it("keeps one row per call, scoped by organization, holding the latest failure and never a payload", async () => {
    const { db } = database;
    await quarantineGongRecords(db, scope, [entry("101"), entry("102", "transcript", "transcript[0].sentences[0].text")]);
    const [first] = await db.selectFrom("quarantined_gong_records").select("first_seen_at").where("gong_id", "=", "101").execute();
    await quarantineGongRecords(db, scope, [entry("101", "call", "metaData.started")]);
    await quarantineGongRecords(db, other, [entry("101")]);

    const { records, total } = await listQuarantinedRecords(db, scope.organizationId);
    expect(total).toBe(2);
    expect(records.map((row) => [row.gong_id, row.source, row.field_path, row.value_type])).toEqual(
      expect.arrayContaining([["101", "call", "metaData.started", "number"], ["102", "transcript", "transcript[0].sentences[0].text", "number"]]),
    );
    expect(records.find((row) => row.gong_id === "101")?.first_seen_at).toEqual(first?.first_seen_at);
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'quarantined_gong_records'`.execute(db);
    expect(columns.rows.map((row) => row.column_name).sort()).toEqual(
      ["connection_id", "field_path", "first_seen_at", "gong_id", "last_seen_at", "organization_id", "source", "value_type"],
    );
    expect((await listQuarantinedRecords(db, other.organizationId)).total).toBe(1);
  });

  it("lets a call go once what failed is stored: the call for a call, the transcript for a transcript", async () => {
    const { db } = database;
    await releaseQuarantinedRecords(db, scope.organizationId, "call", ["102"]);
    expect((await listQuarantinedRecords(db, scope.organizationId)).total).toBe(2);
    await releaseQuarantinedRecords(db, scope.organizationId, "transcript", ["102"]);
    await releaseQuarantinedRecords(db, scope.organizationId, "call", ["101"]);
    expect((await listQuarantinedRecords(db, scope.organizationId)).total).toBe(0);
    expect((await listQuarantinedRecords(db, other.organizationId)).total).toBe(1);
  });

  it("offers for retry only what was seen before the run started, longest waiting first", async () => {
    const { db } = database;
    await quarantineGongRecords(db, scope, [entry("201"), entry("202")]);
    await db.updateTable("quarantined_gong_records").set({ last_seen_at: sql`now() - interval '2 hours'` }).where("gong_id", "=", "202").execute();
    await db.updateTable("quarantined_gong_records").set({ last_seen_at: sql`now() - interval '1 hour'` }).where("gong_id", "=", "201").execute();
    const runStartedAt = new Date();
    await quarantineGongRecords(db, scope, [entry("203")]);
    expect(await listQuarantinedCallIdsToRetry(db, scope.connectionId, runStartedAt, 100)).toEqual(["202", "201"]);
    expect(await listQuarantinedCallIdsToRetry(db, scope.connectionId, runStartedAt, 1)).toEqual(["202"]);
  });

  it("forgets calls an admin deleted, and quarantines none of them again", async () => {
    const { db } = database;
    await deleteCallsByGongId(db, { organizationId: scope.organizationId, gongIds: ["201"], userId: null });
    await quarantineGongRecords(db, scope, [entry("201")]);
    expect((await listQuarantinedRecords(db, scope.organizationId)).records.map((row) => row.gong_id).sort()).toEqual(["202", "203"]);
  });

  it("goes with the rest of the synced data when it is purged", async () => {
    await purgeSyncedRecords(database.db, scope.organizationId, scope.connectionId);
    expect((await listQuarantinedRecords(database.db, scope.organizationId)).total).toBe(0);
    expect((await listQuarantinedRecords(database.db, other.organizationId)).total).toBe(1);
  });
});
