import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { listAllTableRows } from "@/test-support/table-rows";
import { DEMO_CUSTOMER_ID, DEMO_USERS, seedDemo } from "./seed-demo";

let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("seedDemo", () => {
  it("creates Acme and its demo users, and a second run changes no row", async () => {
    const first = await seedDemo(database.url);
    const seeded = await listAllTableRows(database.db);
    expect(seeded.organizations).toEqual([expect.objectContaining({ id: first.organizationId, name: "Acme", external_id: DEMO_CUSTOMER_ID })]);
    expect((seeded.users as Array<{ email: string; role: string }>).map(({ email, role }) => ({ email, role })).sort((a, b) => a.email.localeCompare(b.email)))
      .toEqual(DEMO_USERS.map(({ email, role }) => ({ email, role })).sort((a, b) => a.email.localeCompare(b.email)));

    const second = await seedDemo(database.url);
    expect(second.organizationId).toBe(first.organizationId);
    const reseeded = await listAllTableRows(database.db);
    expect(Object.fromEntries(Object.entries(reseeded).map(([table, rows]) => [table, rows.length])))
      .toEqual(Object.fromEntries(Object.entries(seeded).map(([table, rows]) => [table, rows.length])));
    expect(reseeded).toEqual(seeded);
  });
});
