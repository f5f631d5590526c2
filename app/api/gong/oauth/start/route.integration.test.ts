import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";

/**
 * Starting a Gong connect issues a state bound to the admin: only a POST from Callbridge's own page may do it. A link
 * or a form on another site (CSRF) gets the admin nothing but the settings page or a 403, and no state is issued.
 */

// The session cookie is the one input stubbed: who is signed in. The users table behind it is real.
const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ user: { id: session.userId } }) }));

const APP_URL = "http://localhost:3999";
let database: MigratedTestDatabase;
const users = { admin: "", rep: "" };

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
    GONG_CLIENT_ID: "callbridge-test",
    GONG_CLIENT_SECRET: "secret",
    GONG_OAUTH_BASE_URL: "https://app.gong.io",
    APP_URL,
  });
  const organizationId = await seedOrganization(database.db, "Acme");
  users.admin = await seedUser(database.db, { organizationId, email: "admin@acme.test", name: "Ada", role: "admin" });
  users.rep = await seedUser(database.db, { organizationId, email: "rep@acme.test", name: "Rep", role: "rep" });
});
afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

async function countStates(): Promise<number> {
  return (await database.db.selectFrom("gong_oauth_states").select("state_hash").execute()).length;
}

async function start(as: keyof typeof users, init: { method: "GET" | "POST"; headers?: Record<string, string> }) {
  session.userId = users[as];
  const route = await import("./route");
  const before = await countStates();
  const body = init.method === "POST" ? new URLSearchParams({ email: "Admin@Acme.test" }) : undefined;
  const request = new Request(`${APP_URL}/api/gong/oauth/start?email=admin%40acme.test`, { method: init.method, headers: init.headers, body });
  // Typed as a handler of the request, as Next calls it (and as the GET that once started a connect did).
  const handler: (request: Request) => Response | Promise<Response> = init.method === "POST" ? route.POST : route.GET;
  const response = await handler(request);
  return { status: response.status, location: response.headers.get("location"), statesIssued: (await countStates()) - before };
}

describe("starting a Gong connect", () => {
  it("redirects an admin's POST from Callbridge's page to Gong's consent page with a fresh state", async () => {
    const result = await start("admin", { method: "POST", headers: { origin: APP_URL, "sec-fetch-site": "same-origin" } });
    expect(result).toMatchObject({ status: 303, statesIssued: 1 });
    const consent = new URL(result.location!);
    expect(consent.origin + consent.pathname).toBe("https://app.gong.io/oauth2/authorize");
    expect(consent.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
  });

  it("refuses a POST another site's page made the admin's browser send", async () => {
    const crossSite: Record<string, string>[] = [{ origin: "https://attacker.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }];
    for (const headers of crossSite) {
      expect(await start("admin", { method: "POST", headers }), JSON.stringify(headers)).toEqual({ status: 403, location: null, statesIssued: 0 });
    }
  });

  it("starts nothing on GET, whoever follows the link: it shows the connection page", async () => {
    expect(await start("admin", { method: "GET" })).toEqual({ status: 303, location: `${APP_URL}/settings/gong`, statesIssued: 0 });
  });

  it("refuses a rep", async () => {
    expect(await start("rep", { method: "POST", headers: { origin: APP_URL } })).toMatchObject({ status: 403, statesIssued: 0 });
  });
});
