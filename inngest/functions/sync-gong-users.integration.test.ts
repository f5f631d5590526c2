import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkUserToGongUser, unlinkUserFromGong } from "@/db/queries/user-gong-link-admin";
import { createUserWithOneTimePassword } from "@/lib/users/create-user-with-one-time-password";
import { interceptGongRequests } from "@/test-support/gong-fetch-interceptor";
import { type GongOAuthFixture, startGongOAuthFixture } from "@/test-support/gong-oauth-fixture";
import { seedUser } from "@/test-support/seed-calls";

// The simulator's company is Acme: rep1 has the alias r.one@acme-alias.test and jordan.lee has jordan@acme-alias.test.
let fixture: GongOAuthFixture;
let connectionId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  fixture = await startGongOAuthFixture({ calls: 0 });
  // The function builds its own db and Gong config from the environment, as it does in the app.
  Object.assign(process.env, {
    DATABASE_URL: fixture.database.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-test-secret-test-secret-0123",
    TOKEN_ENCRYPTION_KEY: Buffer.from(fixture.config.encryptionKey).toString("base64url"),
    GONG_CLIENT_ID: fixture.config.clientId,
    GONG_CLIENT_SECRET: fixture.config.clientSecret,
    GONG_OAUTH_BASE_URL: fixture.simulator.url,
    GONG_ALLOWED_API_BASE_URLS: fixture.simulator.url,
  });
  connectionId = (await fixture.connect()).connection.id;
  const { db } = fixture.database;
  const organizationId = fixture.organizationId;
  ids.jordan = await seedUser(db, { organizationId, email: "jordan@acme-alias.test", name: "Jordan", role: "rep" });
  ids.maya = await seedUser(db, { organizationId, email: "rep2@acme.test", name: "Maya", role: "rep" });
  ids.tom = await seedUser(db, { organizationId, email: "rep3@acme.test", name: "Tom", role: "rep" });
  ids.sam = await seedUser(db, { organizationId, email: "sam.ortiz@acme.test", name: "Sam", role: "rep" });
}, 60_000);

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await fixture?.stop();
});

async function syncGongUsersNow() {
  const { syncGongUsers } = await import("./sync-gong-users");
  const engine = new InngestTestEngine({ function: syncGongUsers });
  const { result, error } = await engine.execute({ events: [{ name: "gong/users.sync-requested", data: { connectionId } }] });
  expect(error).toBeUndefined();
  return result as { users: number; linked: number };
}

/** Every app user's link, as app email → [Gong user's email, source]. */
async function listLinks() {
  const rows = await fixture.database.db
    .selectFrom("users")
    .leftJoin("user_gong_links", "user_gong_links.user_id", "users.id")
    .leftJoin("gong_users", "gong_users.id", "user_gong_links.gong_user_id")
    .select(["users.email", "gong_users.email as gongEmail", "user_gong_links.source"])
    .orderBy("users.email")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.email, row.source ? [row.gongEmail, row.source] : null]));
}

type GongUsersPage = { users: { emailAddress: string; emailAliases: string[] }[] };

describe("syncing Gong users links app users by email", () => {
  it("matches Gong's primary email or an alias, whatever their case", async () => {
    // Gong keeps addresses as people typed them: send two back in mixed case.
    const restore = interceptGongRequests(fixture.simulator.url, async (request) => {
      if (request.route !== "GET /v2/users") return undefined;
      const page = (await (await request.forward()).json()) as GongUsersPage;
      for (const user of page.users) {
        if (user.emailAddress === "rep2@acme.test") user.emailAddress = "Rep2@ACME.test";
        user.emailAliases = user.emailAliases.map((alias) => (alias === "jordan@acme-alias.test" ? "Jordan@Acme-Alias.TEST" : alias));
      }
      return Response.json(page);
    });
    const result = await syncGongUsersNow().finally(restore);
    expect(result.linked).toBe(5);
    expect(await listLinks()).toEqual({
      "admin@acme.test": ["admin@acme.test", "email"],
      "jordan@acme-alias.test": ["jordan.lee@acme.test", "email"],
      "rep2@acme.test": ["rep2@acme.test", "email"],
      "rep3@acme.test": ["rep3@acme.test", "email"],
      "sam.ortiz@acme.test": ["sam.ortiz@acme.test", "email"],
    });
  });

  it("keeps an admin's link and unlink through a later sync", async () => {
    const { db } = fixture.database;
    const lena = await db.selectFrom("gong_users").select("id").where("email", "=", "lena.vogel@acme.test").executeTakeFirstOrThrow();
    await linkUserToGongUser(db, { organizationId: fixture.organizationId, userId: ids.tom!, gongUserId: lena.id, actorUserId: fixture.adminId });
    await unlinkUserFromGong(db, { organizationId: fixture.organizationId, userId: ids.sam!, actorUserId: fixture.adminId });

    expect((await syncGongUsersNow()).linked).toBe(0);
    const links = await listLinks();
    expect(links["rep3@acme.test"]).toEqual(["lena.vogel@acme.test", "manual"]);
    expect(links["sam.ortiz@acme.test"]).toEqual([null, "manual"]);
    const free = await db.selectFrom("gong_users").leftJoin("user_gong_links", "user_gong_links.gong_user_id", "gong_users.id").select("gong_users.email").where("user_gong_links.user_id", "is", null).execute();
    expect(free.map((row) => row.email)).toEqual(expect.arrayContaining(["rep3@acme.test", "sam.ortiz@acme.test"]));
  });

  it("links a rep added after the sync at once, by primary email or alias, in any case", async () => {
    const add = (email: string, name: string) =>
      createUserWithOneTimePassword(fixture.database.db, { organizationId: fixture.organizationId, actorUserId: fixture.adminId, email, name, role: "rep" });
    await add("Priya.Nair@ACME.test", "Priya");
    await add("R.One@Acme-Alias.test", "Ravi");
    await add("nobody@acme.test", "Nobody");
    const links = await listLinks();
    expect(links["priya.nair@acme.test"]).toEqual(["priya.nair@acme.test", "email"]);
    expect(links["r.one@acme-alias.test"]).toEqual(["rep1@acme.test", "email"]);
    expect(links["nobody@acme.test"]).toBeNull();
  });
});
