import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getCallViewer } from "@/db/queries/call-access";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "@/test-support/seed-calls";
import { decideTrendsAccess } from "./decide-trends-access";
import { loadTrends } from "./load-trends";
import { weekStartOf } from "./trends-range";

/**
 * Who sees whose trends, checked on what the server hands over (the loader's data and the page's rendered HTML):
 * a rep gets their own series and the team's median only, never another rep's figures, whatever the URL asks for;
 * a manager gets their team's series (Ada and Cy report to Max in Gong), never those of reps outside it.
 */

// The session is the one input stubbed: who is signed in. Users, links and aggregates are real rows.
const session = vi.hoisted(() => ({ user: { id: "", organizationId: "", role: "rep" as "rep" | "admin", name: "", email: "" } }));

const MANAGER_GONG_ID = "805";
const MANAGER_TEAM = ["801", "803"];
vi.mock("@/lib/auth/session", () => ({ requireUserOrRedirect: async () => session.user }));

let database: MigratedTestDatabase;
let organizationId: string;
const users: Record<string, string> = {};
// Each rep's talk ratio, the same every week: Bo's 77.7% appears nowhere else, so it can be looked for.
const REPS = [
  { key: "ada", name: "Ada Lovelace", gongId: "801", talkRatio: 0.4 },
  { key: "bo", name: "Bo Secretive", gongId: "802", talkRatio: 0.777 },
  { key: "cy", name: "Cy Middle", gongId: "803", talkRatio: 0.5 },
  { key: "di", name: "Di Upper", gongId: "804", talkRatio: 0.6 },
] as const;
const thisWeek = weekStartOf(new Date());
let nextGongId = 1;

/** A call with stored figures; the triggers on call_metrics fold it into the weekly aggregates. */
async function seedCallWithMetrics(connectionId: string, rep: string, startedAt: Date, talkRatio: number, mentions: Record<string, number>) {
  const { db } = database;
  const callId = await seedCall(db, { organizationId, connectionId, gongId: String(nextGongId++), startedAt, primaryUserGongId: rep });
  await db.insertInto("call_insights").values({ call_id: callId, version: 2, trackers_hash: "x", insights: "{}" }).execute();
  await db
    .insertInto("call_metrics")
    .values({
      call_id: callId, organization_id: organizationId, rep_gong_id: rep, workspace_gong_id: "", week_start: weekStartOf(startedAt),
      talk_ratio: talkRatio, longest_monologue_seconds: 30, questions_asked: 4, patience_seconds: 1.2, interactivity: 5,
      tracker_mentions: JSON.stringify(mentions),
    })
    .execute();
}

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  const { db } = database;
  organizationId = await seedOrganization(db, "Acme");
  const connectionId = await seedConnection(db, organizationId);
  users.admin = await seedUser(db, { organizationId, email: "admin@acme.test", name: "Admin", role: "admin" });
  users.unlinked = await seedUser(db, { organizationId, email: "new@acme.test", name: "New Hire", role: "rep" });
  for (const rep of REPS) {
    users[rep.key] = await seedUser(db, { organizationId, email: `${rep.key}@acme.test`, name: rep.name, role: "rep" });
    const gongUserId = await seedGongUser(db, { organizationId, gongId: rep.gongId, email: `${rep.key}@acme.test` });
    await seedUserGongLink(db, { userId: users[rep.key]!, organizationId, gongUserId });
    // This week and three weeks ago for everyone; two weeks ago only Ada and Bo, too few reps for a median.
    for (const daysAgo of [0, 21]) await seedCallWithMetrics(connectionId, rep.gongId, new Date(Date.now() - daysAgo * 86_400_000), rep.talkRatio, { Pricing: 1 });
    if (rep.key === "ada" || rep.key === "bo") await seedCallWithMetrics(connectionId, rep.gongId, new Date(Date.now() - 14 * 86_400_000), rep.talkRatio, { [`${rep.key} secret tracker`]: 9 });
  }
  // Max manages Ada and Cy in Gong and has no calls of their own.
  users.max = await seedUser(db, { organizationId, email: "max@acme.test", name: "Max Manager", role: "rep" });
  const maxGongUserId = await seedGongUser(db, { organizationId, gongId: MANAGER_GONG_ID, email: "max@acme.test" });
  await seedUserGongLink(db, { userId: users.max, organizationId, gongUserId: maxGongUserId });
  await db.updateTable("gong_users").set({ manager_gong_id: MANAGER_GONG_ID }).where("organization_id", "=", organizationId).where("gong_id", "in", MANAGER_TEAM).execute();
});
afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

async function viewerOf(key: string) {
  const row = await database.db.selectFrom("users").select(["id", "organization_id", "role"]).where("id", "=", users[key]!).executeTakeFirstOrThrow();
  return getCallViewer(database.db, { id: row.id, organizationId: row.organization_id, role: row.role });
}

describe("decideTrendsAccess", () => {
  it("gives admins the team or any rep, reps only themselves, and unlinked reps nothing", () => {
    expect(decideTrendsAccess({ role: "admin", gongUserId: null }, undefined)).toEqual({ view: "team" });
    expect(decideTrendsAccess({ role: "admin", gongUserId: null }, "802")).toEqual({ view: "rep", repGongId: "802", own: false });
    expect(decideTrendsAccess({ role: "rep", gongUserId: "801" }, undefined)).toEqual({ view: "rep", repGongId: "801", own: true });
    expect(decideTrendsAccess({ role: "rep", gongUserId: "801" }, "802")).toEqual({ view: "rep", repGongId: "801", own: true });
    expect(decideTrendsAccess({ role: "rep", gongUserId: null }, "802")).toEqual({ view: "unlinked" });
  });

  it("gives a manager their team's table or one of its members, never a rep outside it", () => {
    const manager = { role: "rep" as const, gongUserId: "805", team: { gongIds: MANAGER_TEAM } };
    expect(decideTrendsAccess(manager, undefined)).toEqual({ view: "team", members: ["805", "801", "803"] });
    expect(decideTrendsAccess(manager, "803")).toEqual({ view: "rep", repGongId: "803", own: false });
    expect(decideTrendsAccess(manager, "805")).toEqual({ view: "rep", repGongId: "805", own: true });
    expect(decideTrendsAccess(manager, "802")).toEqual({ view: "team", members: ["805", "801", "803"] });
    // No reports (or the organization turned the setting off, which empties the team): a rep like any other.
    expect(decideTrendsAccess({ ...manager, team: { gongIds: [] } }, "803")).toEqual({ view: "rep", repGongId: "805", own: true });
  });
});

describe("loadTrends", () => {
  it("hands a rep their own weeks and the team median, and nothing of another rep, even when the URL names one", async () => {
    const access = decideTrendsAccess(await viewerOf("ada"), "802");
    const data = await loadTrends(database.db, access, { organizationId, range: 30, workspaceGongId: null });
    if (data.view !== "rep") throw new Error(`expected the rep view, got ${data.view}`);
    expect(data.rep).toEqual({ gongId: "801", name: "ada@acme.test", own: true });
    expect(data.points.map((point) => point.talk_ratio)).toEqual([0.4, 0.4, 0.4]);
    const median = new Map(data.median.map((point) => [point.week, point.talk_ratio]));
    expect(median.get(thisWeek)).toBeCloseTo(0.55, 6);
    // Two reps only that week: no median, which would give Bo's figure away.
    expect(data.median.filter((point) => point.talk_ratio === null)).toHaveLength(1);
    const sent = JSON.stringify(data);
    expect(sent).not.toContain("0.777");
    expect(sent).not.toMatch(/802|803|804|Bo Secretive|bo secret tracker/);
    expect(data.trackers.names).toEqual(["Pricing", "ada secret tracker"]);
  });

  it("hands an admin every rep, the ones without a link or calls included", async () => {
    const data = await loadTrends(database.db, decideTrendsAccess(await viewerOf("admin"), undefined), { organizationId, range: 30, workspaceGongId: null });
    if (data.view !== "team") throw new Error(`expected the team view, got ${data.view}`);
    expect(data.reps.map((rep) => [rep.name, rep.gongId, rep.points.length])).toEqual([
      ["Ada Lovelace", "801", 3],
      ["Bo Secretive", "802", 3],
      ["Cy Middle", "803", 2],
      ["Di Upper", "804", 2],
      ["Max Manager", "805", 0],
      ["New Hire", null, 0],
    ]);
    expect(data.trackers.names).toEqual(["Pricing", "ada secret tracker", "bo secret tracker"]);
  });

  it("hands a manager each member of their team and nothing of a rep outside it, even when the URL names one", async () => {
    for (const requested of [undefined, "802", "804"]) {
      const data = await loadTrends(database.db, decideTrendsAccess(await viewerOf("max"), requested), { organizationId, range: 30, workspaceGongId: null });
      if (data.view !== "team") throw new Error(`expected the team view, got ${data.view}`);
      expect(data.reps.map((rep) => [rep.name, rep.gongId, rep.points.length])).toEqual([
        ["Ada Lovelace", "801", 3],
        ["Cy Middle", "803", 2],
        ["Max Manager", "805", 0],
      ]);
      expect(data.trackers.names).toEqual(["Pricing", "ada secret tracker"]);
      const sent = JSON.stringify(data);
      expect(sent).not.toContain("0.777");
      expect(sent).not.toMatch(/802|804|Bo Secretive|Di Upper|bo secret tracker/);
    }
  });

  it("hands a manager a team member's own series when one is chosen", async () => {
    const data = await loadTrends(database.db, decideTrendsAccess(await viewerOf("max"), "803"), { organizationId, range: 30, workspaceGongId: null });
    if (data.view !== "rep") throw new Error(`expected the rep view, got ${data.view}`);
    expect(data.rep).toEqual({ gongId: "803", name: "cy@acme.test", own: false });
    expect(data.points.map((point) => point.talk_ratio)).toEqual([0.5, 0.5]);
    expect(JSON.stringify(data)).not.toMatch(/0\.777|802|Bo Secretive/);
  });

  it("treats a manager as a rep while the organization keeps teams off", async () => {
    await database.db.updateTable("organizations").set({ managers_see_team: false }).where("id", "=", organizationId).execute();
    try {
      const data = await loadTrends(database.db, decideTrendsAccess(await viewerOf("max"), "801"), { organizationId, range: 30, workspaceGongId: null });
      if (data.view !== "rep") throw new Error(`expected the rep view, got ${data.view}`);
      expect(data.rep).toEqual({ gongId: "805", name: "max@acme.test", own: true });
      expect(data.points).toEqual([]);
      expect(JSON.stringify(data)).not.toMatch(/801|803|Ada Lovelace|Cy Middle|ada secret tracker/);
    } finally {
      await database.db.updateTable("organizations").set({ managers_see_team: true }).where("id", "=", organizationId).execute();
    }
  });

  it("an unlinked rep gets an empty state, and a workspace with no calls gets no weeks", async () => {
    expect(await loadTrends(database.db, decideTrendsAccess(await viewerOf("unlinked"), "801"), { organizationId, range: 90, workspaceGongId: null })).toEqual({ view: "unlinked" });
    const data = await loadTrends(database.db, decideTrendsAccess(await viewerOf("ada"), undefined), { organizationId, range: 90, workspaceGongId: "elsewhere" });
    expect(data.view === "rep" && data.points).toEqual([]);
  });
});

describe("the /trends page", () => {
  async function render(key: string, searchParams: Record<string, string> = {}) {
    const row = await database.db.selectFrom("users").selectAll().where("id", "=", users[key]!).executeTakeFirstOrThrow();
    session.user = { id: row.id, organizationId: row.organization_id, role: row.role, name: row.name, email: row.email };
    const { default: TrendsPage } = await import("@/app/(dashboard)/trends/page");
    return renderToStaticMarkup(await TrendsPage({ searchParams: Promise.resolve(searchParams) }));
  }

  it("renders a rep's own numbers and the median, and no other rep's, even with ?rep= naming one", async () => {
    const html = await render("ada", { rep: "802", range: "30" });
    expect(html).toContain("40%");
    expect(html).toContain("55%");
    expect(html).not.toContain("78%");
    expect(html).not.toMatch(/Bo Secretive|bo secret tracker|Cy Middle/);
  });

  it("renders the team table for an admin, and says plainly when a rep has no linked Gong user", async () => {
    const html = await render("admin", { range: "30" });
    expect(html).toContain("Bo Secretive");
    expect(html).toContain("78%");
    expect(html).toContain("No linked Gong user");
  });

  it("renders a manager's team table and a member's page, and no rep outside the team, even with ?rep= naming one", async () => {
    const table = await render("max", { range: "30" });
    expect(table).toContain("Ada Lovelace");
    expect(table).toContain("Cy Middle");
    expect(table).toContain("rep=803");
    const outsider = await render("max", { rep: "802", range: "30" });
    for (const html of [table, outsider]) {
      expect(html).not.toContain("78%");
      expect(html).not.toMatch(/Bo Secretive|Di Upper|bo secret tracker|rep=802|rep=804/);
    }
    const member = await render("max", { rep: "803", range: "30" });
    expect(member).toContain("Trends: cy@acme.test");
    expect(member).toContain("50%");
    expect(member).not.toContain("78%");
  });

  it("tells an unlinked rep why there is nothing to show", async () => {
    expect(await render("unlinked")).toContain("isn&#x27;t linked to a Gong user");
  });
});
