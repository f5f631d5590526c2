import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";
import { signInWith, signOut } from "@/test-support/signed-in-request";

// A real session cookie for a real user (test-support/signed-in-request.ts); the handlers and their guards are real.
vi.mock("next/headers", async () => (await import("@/test-support/signed-in-request")).nextHeadersModule);

const API_ROOT = fileURLToPath(new URL("../../app/api", import.meta.url));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const UUID = "00000000-0000-4000-8000-000000000001";

/**
 * Who may call each route handler under app/api. Every route must be listed: a new one fails the first test
 * until someone decides who it is for.
 */
const ROUTES: Record<string, "signed-in" | "admin" | "api-key" | { public: string }> = {
  "calls/[id]/media": "signed-in",
  "calls/[id]/transcript": "signed-in",
  "gong/api-usage": "admin",
  "gong/oauth/start": "admin",
  "sync-runs": "admin",
  "sync-runs/[id]": "admin",
  "webhooks/gong/deliveries": "admin",
  "v1/delete_files": "api-key",
  "v1/files": "api-key",
  "v1/files/[id]": "api-key",
  "v1/integrations/files/sync": "api-key",
  "v1/integrations/items/list": "api-key",
  "v1/integrations/oauth_url": "api-key",
  "v1/resync_file": "api-key",
  "v1/sync_runs/[id]": "api-key",
  "v1/update_users": "api-key",
  "v1/files/[id]/transcript": "api-key",
  "v1/webhook_endpoints": "api-key",
  "v1/webhook_endpoints/[id]": "api-key",
  "v1/webhook_endpoints/[id]/deliveries": "api-key",
  "v1/webhook_endpoints/[id]/deliveries/[delivery_id]/replay": "api-key",
  "v1/webhook_endpoints/[id]/rotate_secret": "api-key",
  "v1/webhook_endpoints/[id]/test": "api-key",
  "auth/[...nextauth]": { public: "next-auth's own sign-in and sign-out" },
  inngest: { public: "the Inngest SDK checks the request signature (inngest/*.integration.test.ts)" },
  health: { public: "no data" },
  "health/live": { public: "no data" },
  "health/ready": { public: "which part is down, no secrets (its own tests)" },
  metrics: { public: "its own bearer token, METRICS_TOKEN, and 404 without one (its own tests)" },
  "webhooks/gong/[connectionId]": { public: "Gong's signed JWT or URL key (lib/webhooks/receive-gong-webhook.integration.test.ts)" },
  "gong/oauth/callback": { public: "the single-use state; the session only has to match its issuer (lib/gong-connection)" },
  "v1/openapi.json": { public: "the API's reference, like any public API description" },
  "v1/[...unknown]": { public: "a JSON 404 for endpoints that do not exist" },
};

/** Methods of a guarded route that answer everyone the same, harmless way, and why. */
const OPEN_METHODS: Record<string, Record<string, number>> = {
  // Starts nothing (a link from anywhere could send an admin here): a redirect to the settings page.
  "gong/oauth/start": { GET: 303 },
};

/** What a guarded route must answer: `status` to each of its methods, but those listed in OPEN_METHODS. */
const expected = (route: string, answered: Record<string, number>, status: number) =>
  Object.fromEntries(Object.keys(answered).map((method) => [method, OPEN_METHODS[route]?.[method] ?? status]));

function listRoutes(dir = API_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listRoutes(full);
    return entry.name === "route.ts" ? [relative(API_ROOT, dir).split(sep).join("/")] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response> | Response;

/** Each exported method of the route, called as Next.js calls it, and the status it answers. */
async function statuses(route: string, headers: Record<string, string> = {}): Promise<Record<string, number>> {
  const handlers = (await import(/* @vite-ignore */ join(API_ROOT, route, "route.ts"))) as Partial<Record<(typeof METHODS)[number], Handler>>;
  const params = Promise.resolve({ id: UUID, delivery_id: UUID, connectionId: UUID, nextauth: ["session"], unknown: ["x"] });
  const answered: Record<string, number> = {};
  for (const method of METHODS) {
    const handler = handlers[method];
    if (!handler) continue;
    const body = method === "GET" || method === "DELETE" ? undefined : "{}";
    const request = new Request(`http://localhost:3000/api/${route.replace(/\[(\.\.\.)?(\w+)\]/g, UUID)}`, {
      method,
      body,
      headers: { "content-type": "application/json", ...headers },
    });
    answered[method] = (await handler(request, { params })).status;
  }
  return answered;
}

const routesFor = (kind: string) => Object.entries(ROUTES).filter(([, who]) => who === kind).map(([route]) => route);

let database: MigratedTestDatabase;
let organizationId: string;
let repId: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = "route-guards-test-secret-0123456789abcdef";
  organizationId = await seedOrganization(database.db, "Acme");
  repId = await seedUser(database.db, { organizationId, email: "rep@acme.test", name: "Rep", role: "rep" });
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

beforeEach(() => signOut());

describe("every route handler under app/api", () => {
  it("is listed with who may call it", () => {
    const routes = listRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each([...routesFor("signed-in"), ...routesFor("admin")])("%s answers 401 to every guarded method when signed out", async (route) => {
    const answered = await statuses(route);
    expect(Object.keys(answered).length).toBeGreaterThan(0);
    expect(answered).toEqual(expected(route, answered, 401));
  });

  it.each(routesFor("admin"))("%s answers 403 to every guarded method for a rep", async (route) => {
    await signInWith({ sub: repId, organizationId, role: "rep", sessionVersion: 0 });
    const answered = await statuses(route);
    expect(answered).toEqual(expected(route, answered, 403));
  });

  it.each(routesFor("api-key"))("%s answers 401 without an API key (405 to the methods it does not have)", async (route) => {
    const answered = await statuses(route);
    expect(Object.values(answered)).toContain(401);
    expect(Object.values(answered).every((status) => status === 401 || status === 405)).toBe(true);
    // A browser session is no API key.
    await signInWith({ sub: repId, organizationId, role: "rep", sessionVersion: 0 });
    expect(await statuses(route)).toEqual(answered);
  });
});
