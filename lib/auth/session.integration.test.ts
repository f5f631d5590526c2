import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";
import { lastSessionCookieSet, signInWith, signOut } from "@/test-support/signed-in-request";

// The request's headers, which carry a session cookie signed as the app signs it; the rest (Auth.js, the users
// table, the checks in session.ts) is real. lib/auth/session.test.ts covers the gate's branches with the inputs mocked.
vi.mock("next/headers", async () => (await import("@/test-support/signed-in-request")).nextHeadersModule);

let database: MigratedTestDatabase;
const acme = { organizationId: "", repId: "" };
let otherOrganizationId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = "session-integration-test-secret-0123456789";
  acme.organizationId = await seedOrganization(database.db, "Acme");
  otherOrganizationId = await seedOrganization(database.db, "Other");
  acme.repId = await seedUser(database.db, { organizationId: acme.organizationId, email: "rep@acme.test", name: "Rep", role: "rep" });
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

beforeEach(() => signOut());

const session = () => import("./session");

describe("getSessionUser with a real session cookie and the users table", () => {
  it("returns the user a session of their own organization names, as the database has them", async () => {
    await signInWith({ sub: acme.repId, organizationId: acme.organizationId, role: "rep", sessionVersion: 0 });
    expect(await (await session()).getSessionUser()).toEqual({
      id: acme.repId,
      organizationId: acme.organizationId,
      role: "rep",
      email: "rep@acme.test",
      name: "Rep",
      passwordChangeRequired: false,
    });
  });

  it("ignores a session naming another organization than the user's, even with the user's own id", async () => {
    await signInWith({ sub: acme.repId, organizationId: otherOrganizationId, role: "rep", sessionVersion: 0 });
    const { getSessionUser, requireUserOrThrow } = await session();
    expect(await getSessionUser()).toBeNull();
    await expect(requireUserOrThrow()).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("accepts a session from before organizations were carried in it (no organization claim)", async () => {
    await signInWith({ sub: acme.repId, sessionVersion: 0 });
    expect((await (await session()).getSessionUser())?.organizationId).toBe(acme.organizationId);
  });

  it("ignores a session whose version is older than the user's, a forged cookie, and no cookie", async () => {
    const { getSessionUser } = await session();
    await database.db.updateTable("users").set({ session_version: 2 }).where("id", "=", acme.repId).execute();
    try {
      await signInWith({ sub: acme.repId, organizationId: acme.organizationId, sessionVersion: 1 });
      expect(await getSessionUser()).toBeNull();
      await signInWith({ sub: acme.repId, organizationId: acme.organizationId, sessionVersion: 2 });
      expect((await getSessionUser())?.id).toBe(acme.repId);
    } finally {
      await database.db.updateTable("users").set({ session_version: 0 }).where("id", "=", acme.repId).execute();
    }
    const secret = process.env.AUTH_SECRET!;
    process.env.AUTH_SECRET = "another-secret-another-secret-0123456789";
    await signInWith({ sub: acme.repId, organizationId: acme.organizationId, sessionVersion: 0 });
    process.env.AUTH_SECRET = secret;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined); // Auth.js logs the failed decryption
    expect(await getSessionUser()).toBeNull();
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    signOut();
    expect(await getSessionUser()).toBeNull();
  });

  it("renews the session in use to the user's new session version, so it outlives the ones a password change ended", async () => {
    await signInWith({ sub: acme.repId, organizationId: acme.organizationId, role: "rep", sessionVersion: 0 });
    await (await session()).renewSession(acme.repId, 4);
    expect(await lastSessionCookieSet()).toMatchObject({ sub: acme.repId, organizationId: acme.organizationId, sessionVersion: 4 });
  });

  it("words each refusal: signed out, not an admin, still on a one-time password", async () => {
    const { requireAdminOrThrow, requireUserOrThrow } = await session();
    await expect(requireUserOrThrow()).rejects.toMatchObject({ code: "unauthorized", message: "Sign in to continue." });
    await signInWith({ sub: acme.repId, organizationId: acme.organizationId, role: "rep", sessionVersion: 0 });
    await expect(requireAdminOrThrow()).rejects.toMatchObject({ code: "forbidden", message: "Only admins can do this." });
    expect((await requireUserOrThrow()).id).toBe(acme.repId);
    await database.db.updateTable("users").set({ password_change_required: true }).where("id", "=", acme.repId).execute();
    try {
      await expect(requireUserOrThrow()).rejects.toMatchObject({
        code: "forbidden",
        message: "Choose a new password first: this account still has its one-time password.",
      });
      expect((await requireUserOrThrow({ allowPendingPasswordChange: true })).passwordChangeRequired).toBe(true);
    } finally {
      await database.db.updateTable("users").set({ password_change_required: false }).where("id", "=", acme.repId).execute();
    }
  });
});
