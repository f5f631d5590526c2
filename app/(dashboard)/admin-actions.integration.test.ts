import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";
import { signInWith } from "@/test-support/signed-in-request";

// A real session cookie for a real user (test-support/signed-in-request.ts); the guard, Auth.js and the users table are real.
vi.mock("next/headers", async () => (await import("@/test-support/signed-in-request")).nextHeadersModule);

const APP_ROOT = fileURLToPath(new URL("..", import.meta.url));
const UUID = "00000000-0000-4000-8000-000000000001";

/**
 * Every server action only an admin may run, with arguments of the shape the page sends. A rep calling any of
 * them must meet forbidden() before anything else happens.
 */
const ADMIN_ACTIONS: Record<string, Record<string, unknown[]>> = {
  "(dashboard)/calls/[id]/actions.ts": { resyncCall: [UUID], deleteCall: [UUID] },
  "(dashboard)/settings/api/actions.ts": {
    createApiKeyAction: [{}, form({ name: "Reporting" })],
    revokeApiKeyAction: [{ id: UUID }],
    rollApiKeyAction: [{ id: UUID, overlapSeconds: 0 }],
  },
  "(dashboard)/settings/gong/actions.ts": { saveGongSettings: [{}], disconnectGongAction: [{ deleteData: true }] },
  "(dashboard)/settings/outbound/actions.ts": {
    createEndpointAction: [{}, form({ url: "https://hooks.example.test/callbridge", description: "CRM" })],
    rotateSecretAction: [{ id: UUID }],
    setEndpointEnabledAction: [{ id: UUID, enabled: false }],
    deleteEndpointAction: [{ id: UUID }],
    sendTestEventAction: [{ id: UUID }],
    replayDeliveryAction: [{ endpointId: UUID, deliveryId: UUID }],
  },
  "(dashboard)/settings/sync/actions.ts": {
    syncNow: [{}],
    setWorkspaceEnabled: [{ workspaceGongId: "1", enabled: false }],
    setIncludeNewWorkspaces: [false],
  },
  "(dashboard)/settings/sync/quarantine-actions.ts": { retryQuarantinedCall: ["1"] },
  "(dashboard)/settings/sync/runs/[id]/actions.ts": { cancelSyncRunAction: [{ runId: UUID }] },
  "(dashboard)/settings/trackers/actions.ts": { saveTracker: [null, form({ name: "Pricing", keywords: "price" })], removeTracker: [UUID] },
  "(dashboard)/settings/users/actions.ts": {
    addUser: [{}, form({ email: "new@acme.test", name: "New", role: "admin" })],
    endUserSessionsAction: [{ userId: UUID }],
  },
  "(dashboard)/settings/users/link-actions.ts": {
    linkUserAction: [{ userId: UUID, gongUserId: UUID }],
    unlinkUserAction: [{ userId: UUID }],
    inviteGongUserAction: [{ gongUserId: UUID }],
  },
  "(dashboard)/settings/users/people-actions.ts": {
    deactivateUserAction: [{ userId: UUID }],
    reactivateUserAction: [{ userId: UUID }],
    removeUserAction: [{ userId: UUID }],
    changeUserRoleAction: [{ userId: UUID, role: "admin" }],
    resetUserPasswordAction: [{ userId: UUID }],
  },
  "(dashboard)/settings/users/team-actions.ts": { saveManagersSeeTeam: [{}, form({ managersSeeTeam: "on" })] },
  "(dashboard)/settings/webhook/actions.ts": {
    savePublicKeyAction: [{ publicKey: "x" }],
    setWebhookAuthAction: [{ auth: "url-key" }],
    regenerateUrlKeyAction: [],
    resendDeliveryCallSyncAction: [{ deliveryId: UUID }],
  },
};

/** Server actions any signed-in user (or a signed-out one) may run, and why. */
const NOT_ADMIN_ONLY: Record<string, string> = {
  "(auth)/sign-in/actions.ts": "signing in",
  "(dashboard)/actions.ts": "signing out",
  "(dashboard)/account/password/actions.ts": "a user's own password and sessions",
  "(dashboard)/account/actions.ts": "a user's own name",
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

function listServerActionFiles(dir = APP_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listServerActionFiles(full);
    const isSource = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    // The directive opens the file, after comments at most (Stryker's sandbox adds one).
    return isSource && /^(\s*\/\/[^\n]*\n)*\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [relative(APP_ROOT, full).split(sep).join("/")] : [];
  });
}

async function outcomeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    return `returned ${JSON.stringify(await run())}`;
  } catch (error) {
    return (error as { digest?: string }).digest ?? `threw ${String(error)}`;
  }
}

let database: MigratedTestDatabase;
let organizationId: string;
let repId: string;
let adminId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = "admin-actions-test-secret-0123456789abcdef";
  // What experimental.authInterrupts in next.config.ts sets, so forbidden() answers 403 instead of a setup error.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  organizationId = await seedOrganization(database.db, "Acme");
  repId = await seedUser(database.db, { organizationId, email: "rep@acme.test", name: "Rep", role: "rep" });
  adminId = await seedUser(database.db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

describe("admin server actions", () => {
  it("are every server action but the listed ones: a new action must be added to the table below", () => {
    const files = listServerActionFiles();
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((file) => !(file in NOT_ADMIN_ONLY)).sort()).toEqual(Object.keys(ADMIN_ACTIONS).sort());
  });

  it.each(Object.keys(ADMIN_ACTIONS))("%s: the table names every action the file exports", async (file) => {
    const actions = (await import(/* @vite-ignore */ join(APP_ROOT, file))) as Record<string, unknown>;
    const exported = Object.entries(actions).filter(([, value]) => typeof value === "function").map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(ADMIN_ACTIONS[file]!).sort());
  });

  const cases = Object.entries(ADMIN_ACTIONS).flatMap(([file, actions]) => Object.entries(actions).map(([name, args]) => [file, name, args] as const));
  it.each(cases)("%s %s refuses a rep with 403 and changes nothing", async (file, name, args) => {
    await signInWith({ sub: repId, organizationId, role: "rep", sessionVersion: 0 });
    const actions = (await import(/* @vite-ignore */ join(APP_ROOT, file))) as Record<string, (...input: unknown[]) => Promise<unknown>>;
    expect(await outcomeOf(() => actions[name]!(...args))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(await database.db.selectFrom("audit_events").select("action").execute()).toEqual([]);
  });

  it("let an admin past the same gate (the refusals above are the role check)", async () => {
    await signInWith({ sub: adminId, organizationId, role: "admin", sessionVersion: 0 });
    const { cancelSyncRunAction } = await import("./settings/sync/runs/[id]/actions");
    expect(await cancelSyncRunAction({ runId: "not-a-run" })).toEqual({ ok: false, error: "That run doesn't exist." });
  });
});
