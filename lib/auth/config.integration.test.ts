import type { JWT } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/observability/logger";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedOrganization, seedUser } from "@/test-support/seed-calls";
import { hashPassword } from "./password";
import { createSessionRenewal } from "./session-renewal";
import { SIGN_IN_MAX_FAILURES } from "./sign-in-limits";

// The device cookie is set through next/headers (Next.js's, not ours); the stand-in records what is set, or throws as
// Next.js does where cookies cannot be set (outside a server action or route handler).
const setCookies = vi.hoisted(() => [] as { name: string; value: string; options: Record<string, unknown> }[]);
const cookieStore = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    set: (name: string, value: string, options: Record<string, unknown>) => {
      if (cookieStore.error) throw cookieStore.error;
      setCookies.push({ name, value, options });
    },
  }),
}));

let database: MigratedTestDatabase;
let organizationId: string;
let userId: string;
const SECRET = "config-integration-test-secret-0123456789";

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: SECRET, APP_URL: "http://localhost:3000" });
  organizationId = await seedOrganization(database.db, "Acme");
  userId = await seedUser(database.db, { organizationId, email: "pat@acme.test", name: "Pat", role: "admin", passwordHash: await hashPassword("right-password") });
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

afterEach(() => {
  cookieStore.error = null;
  vi.restoreAllMocks();
});

async function loadConfig() {
  const { createAuthConfig } = await import("./config");
  const config = createAuthConfig();
  const provider = config.providers[0] as unknown as { options: { authorize: (raw: unknown, request: Request) => Promise<unknown> } };
  return { config, authorize: provider.options.authorize };
}

const signInRequest = (address = "10.0.0.1") => new Request("http://localhost:3000/api/auth/callback/credentials", { method: "POST", headers: { "x-forwarded-for": address } });

describe("the credentials provider", () => {
  it("signs in with the right password: the claims the session carries, and the device remembered", async () => {
    const { authorize, config } = await loadConfig();
    expect(config.session).toEqual({ strategy: "jwt", maxAge: 12 * 60 * 60 });
    expect(config.secret).toEqual([SECRET]);
    setCookies.length = 0;
    expect(await authorize({ email: " PAT@acme.test ", password: "right-password" }, signInRequest())).toEqual({
      id: userId, email: "pat@acme.test", name: "Pat", organizationId, role: "admin", sessionVersion: 0,
    });
    expect(setCookies).toEqual([
      { name: "callbridge.device", value: expect.any(String), options: { httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: expect.any(Number) } },
    ]);
  });

  it("marks the device cookie secure when the app is served over https", async () => {
    const saved = process.env.APP_URL;
    // The environment is parsed once per module load: a fresh load reads the https URL.
    process.env.APP_URL = "https://callbridge.example.test";
    vi.resetModules();
    try {
      const { authorize } = await loadConfig();
      setCookies.length = 0;
      expect(await authorize({ email: "pat@acme.test", password: "right-password" }, signInRequest("10.0.0.4"))).toMatchObject({ id: userId });
      expect(setCookies.map((cookie) => cookie.options.secure)).toEqual([true]);
    } finally {
      process.env.APP_URL = saved;
      vi.resetModules();
    }
  });

  it("signs in still when the device cookie cannot be set, and says so in the log", async () => {
    const { authorize } = await loadConfig();
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const error = new Error("Cookies can only be modified in a Server Action or Route Handler.");
    cookieStore.error = error;
    expect(await authorize({ email: "pat@acme.test", password: "right-password" }, signInRequest("10.0.0.5"))).toMatchObject({ id: userId });
    expect(warn.mock.calls).toEqual([[{ error }, "sign-in: could not set the device cookie"]]);
  });

  it("lowercases the email without folding other letters into ASCII: \"straße\" is not \"strasse\"", async () => {
    await seedUser(database.db, { organizationId, email: "strasse@acme.test", name: "Strasse", role: "rep", passwordHash: await hashPassword("strasse-password") });
    const { authorize } = await loadConfig();
    expect(await authorize({ email: "STRASSE@acme.test", password: "strasse-password" }, signInRequest("10.0.0.6"))).toMatchObject({ email: "strasse@acme.test" });
    expect(await authorize({ email: "straße@acme.test", password: "strasse-password" }, signInRequest("10.0.0.6"))).toBeNull();
  });

  it("answers null to a wrong password and to input that is not an email and password", async () => {
    const { authorize } = await loadConfig();
    expect(await authorize({ email: "pat@acme.test", password: "wrong" }, signInRequest("10.0.0.2"))).toBeNull();
    expect(await authorize({ email: "not-an-email", password: "right-password" }, signInRequest("10.0.0.2"))).toBeNull();
    expect(await authorize({ email: "pat@acme.test", password: "" }, signInRequest("10.0.0.2"))).toBeNull();
    expect(await authorize({ email: "pat@acme.test", password: "x".repeat(1025) }, signInRequest("10.0.0.2"))).toBeNull();
  });

  it("refuses with the limit's scope and minutes once the address has failed too often", async () => {
    const { authorize } = await loadConfig();
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES + 1; attempt++) {
      await authorize({ email: "pat@acme.test", password: `guess-${attempt}` }, signInRequest("10.0.0.3")).catch(() => undefined);
    }
    const error = await authorize({ email: "pat@acme.test", password: "right-password" }, signInRequest("10.0.0.3")).catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toMatch(/^rate_limited:email:\d+$/);
  });
});

describe("Auth.js's own pages", () => {
  it("send a visitor to our sign-in page rather than Auth.js's built-in one", async () => {
    const { handlers } = await import("./index");
    const response = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/signin?callbackUrl=%2Fcalls"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/sign-in?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fcalls");
  });
});

describe("the session callbacks", () => {
  it("put the signed-in user's id, organization, role and session version in the token and the session", async () => {
    const { config } = await loadConfig();
    const jwt = config.callbacks!.jwt!;
    const user = { id: userId, organizationId, role: "admin", sessionVersion: 3 };
    const token = (await jwt({ token: { name: "Pat" }, user, account: null, trigger: "signIn" } as never)) as JWT;
    expect(token).toEqual({ name: "Pat", sub: userId, organizationId, role: "admin", sessionVersion: 3 });
    const session = await config.callbacks!.session!({ session: { user: { name: "Pat" }, expires: "x" }, token } as never);
    expect(session).toEqual({ user: { name: "Pat", id: userId, organizationId, role: "admin", sessionVersion: 3 }, expires: "x" });
    const legacy = await config.callbacks!.session!({ session: { user: {}, expires: "x" }, token: { sub: userId } } as never);
    expect(legacy).toEqual({ user: { id: userId, organizationId: undefined, role: undefined, sessionVersion: 0 }, expires: "x" });
    expect(await config.callbacks!.session!({ session: { user: {}, expires: "x" }, token: {} } as never)).toEqual({ user: {}, expires: "x" });
  });

  it("move the session version only for a renewal the server signed for this user", async () => {
    const { config } = await loadConfig();
    const jwt = config.callbacks!.jwt!;
    const token = { sub: userId, sessionVersion: 1 };
    const update = (session: unknown, from: JWT = token) => jwt({ token: { ...from }, session, trigger: "update" } as never);
    expect(await update(createSessionRenewal(SECRET, userId, 2))).toEqual({ sub: userId, sessionVersion: 2 });
    expect(await update({ sessionVersion: 9 })).toEqual(token);
    expect(await update(createSessionRenewal(SECRET, "someone-else", 2))).toEqual(token);
    expect(await update(createSessionRenewal("another-secret-another-secret-0123", userId, 2))).toEqual(token);
    expect(await update(createSessionRenewal(SECRET, userId, 2), { sessionVersion: 1 })).toEqual({ sessionVersion: 1 });
    expect(await jwt({ token: { ...token }, session: createSessionRenewal(SECRET, userId, 2) } as never)).toEqual(token);
  });
});
