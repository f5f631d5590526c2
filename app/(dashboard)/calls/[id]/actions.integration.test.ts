import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization, seedUser } from "@/test-support/seed-calls";

const admin = vi.hoisted(() => ({ id: "", organizationId: "", role: "admin" as const, email: "admin@acme.test", name: "Ada", passwordChangeRequired: false }));

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Our own module, mocked with a reason: this file is about what the actions do when the queue fails, for an admin.
// The guard itself (a rep refused, with a real session) is tested in app/(dashboard)/admin-actions.integration.test.ts.
vi.mock("@/lib/auth/session", () => ({ requireAdminOrForbidden: async () => admin }));
// The workflow engine does not answer: every send fails.
vi.mock("@/inngest/client", () => ({ inngest: { send: vi.fn(async () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:8288"))) } }));

let database: MigratedTestDatabase;
let callId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  admin.organizationId = await seedOrganization(database.db, "Acme");
  admin.id = await seedUser(database.db, { organizationId: admin.organizationId, email: admin.email, name: admin.name, role: "admin" });
  const connectionId = await seedConnection(database.db, admin.organizationId);
  callId = await seedCall(database.db, { organizationId: admin.organizationId, connectionId, gongId: "42", startedAt: new Date() });
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

describe("call actions when the sync cannot be queued", () => {
  it.each(["resyncCall", "deleteCall"] as const)("%s answers with an error and leaves no run queued", async (action) => {
    const actions = await import("./actions");
    const result = await actions[action](callId);
    expect(result.ok).toBe(false);
    const runs = await database.db.selectFrom("sync_runs").select(["status", "error"]).where("kind", "=", action === "resyncCall" ? "resync" : "delete").execute();
    expect(runs).toEqual([{ status: "failed", error: expect.stringMatching(/could not be queued/i) }]);
  });
});
