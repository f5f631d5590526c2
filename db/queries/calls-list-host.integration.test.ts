import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser } from "@/test-support/seed-calls";
import { getCallViewer } from "./call-access";
import { listVisibleCalls } from "./calls-list";

/** Gong lists no parties for calls imported from dialers: the list names the call's owner instead of nothing. */

let database: MigratedTestDatabase;
let organizationId: string;
let adminId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const { db } = database;
  organizationId = await seedOrganization(db, "Acme");
  const other = await seedOrganization(db, "Other");
  const connectionId = await seedConnection(db, organizationId);
  adminId = await seedUser(db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
  await seedGongUser(db, { organizationId, gongId: "901", email: "ida@acme.test", firstName: "Ida", lastName: "Dialer" });
  await seedGongUser(db, { organizationId: other, gongId: "902", email: "olaf@other.test", firstName: "Olaf" });
  const started = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 12, minutes));
  await seedCall(db, { organizationId, connectionId, gongId: "imported", title: "Imported", startedAt: started(3), primaryUserGongId: "901", system: "Aircall" });
  await seedCall(db, {
    organizationId, connectionId, gongId: "recorded", title: "Recorded", startedAt: started(2), primaryUserGongId: "901",
    parties: [{ gongId: "p1", name: "Pat Party", affiliation: "External" }],
  });
  // A Gong id that only another organization's user has names nobody here.
  await seedCall(db, { organizationId, connectionId, gongId: "foreign", title: "Foreign", startedAt: started(1), primaryUserGongId: "902" });
});

afterAll(async () => {
  await database.drop();
});

describe("listVisibleCalls, calls without parties", () => {
  it("names the host of a call Gong lists no parties for, and only of such calls", async () => {
    const viewer = await getCallViewer(database.db, { id: adminId, organizationId, role: "admin" });
    const { rows } = await listVisibleCalls(database.db, viewer, {}, null);
    expect(rows.map((row) => [row.title, row.host, row.parties.length])).toEqual([
      ["Imported", { name: "Ida Dialer", system: "Aircall" }, 0],
      ["Recorded", null, 1],
      ["Foreign", null, 0],
    ]);
  });
});
