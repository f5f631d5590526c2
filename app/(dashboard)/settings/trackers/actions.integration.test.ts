import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/db/schema";
import { ensureDefaultTrackers, listTrackers } from "@/db/queries/trackers";
import { getFreshCallInsights } from "@/lib/calls/refresh-call-insights";
import { discoveryCall, discoveryCallExpected } from "@/lib/insights/__fixtures__/discovery-call";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { seedCall, seedConnection, seedOrganization, seedUser } from "@/test-support/seed-calls";

// Only the session cookie is faked (who is signed in); reading that user and checking their role are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let database: MigratedTestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  // What experimental.authInterrupts in next.config.ts sets, so forbidden() answers 403 instead of throwing a setup error.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

afterAll(async () => {
  const { db } = await import("@/db");
  await db.destroy();
  await database?.drop();
});

const actions = () => import("./actions");

/** A fresh organization with one user of `role`, signed in; each test works in its own organization. */
async function signInToNewOrganization(role: Role = "admin") {
  const organizationId = await seedOrganization(database.db, "Acme");
  session.userId = await seedUser(database.db, { organizationId, email: `${role}@acme.test`, name: role, role });
  return organizationId;
}

function trackerForm(fields: { id?: string; name: string; keywords: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
  return form;
}

const save = async (fields: { id?: string; name: string; keywords: string }) => (await actions()).saveTracker(null, trackerForm(fields));
const remove = async (id: string) => (await actions()).removeTracker(id);
const summarize = async (organizationId: string) =>
  (await listTrackers(database.db, organizationId)).map((tracker) => [tracker.name, tracker.keywords]);

/** Another organization's admin adds "Theirs"; then this test's admin, signed in last, adds "Ours". */
async function twoOrganizationsWithATrackerEach() {
  const otherOrganizationId = await signInToNewOrganization();
  await save({ name: "Theirs", keywords: "x" });
  const theirs = (await listTrackers(database.db, otherOrganizationId))[0]!;
  const organizationId = await signInToNewOrganization();
  await save({ name: "Ours", keywords: "a" });
  const ours = (await listTrackers(database.db, organizationId))[0]!;
  return { otherOrganizationId, theirs, organizationId, ours };
}

describe("the default trackers", () => {
  it("are given once: after an admin deletes them all, the organization has none", async () => {
    const organizationId = await signInToNewOrganization();
    const defaults = await ensureDefaultTrackers(database.db, organizationId);
    expect(defaults.map((tracker) => tracker.name)).toEqual(["Competitors", "Pricing"]);
    for (const tracker of defaults) expect(await remove(tracker.id)).toEqual({ ok: true });
    expect(await ensureDefaultTrackers(database.db, organizationId)).toEqual([]);
    const audit = await database.db.selectFrom("audit_events").select(["action", "target"]).where("organization_id", "=", organizationId).orderBy("target").execute();
    expect(audit).toEqual([
      { action: "tracker.deleted", target: "Competitors" },
      { action: "tracker.deleted", target: "Pricing" },
    ]);
  });

  it("are given once to an organization read from many places at the same time", async () => {
    const organizationId = await seedOrganization(database.db, "Globex");
    const reads = await Promise.all([1, 2, 3, 4].map(() => ensureDefaultTrackers(database.db, organizationId)));
    for (const trackers of reads) expect(trackers.map((tracker) => tracker.name)).toEqual(["Competitors", "Pricing"]);
  });
});

describe("saving a tracker", () => {
  it("adds it with its keywords trimmed and de-duplicated, and audits it", async () => {
    const organizationId = await signInToNewOrganization();
    expect(await save({ name: "  Security ", keywords: "SOC 2, SSO\n SOC 2 ,, \nSAML" })).toEqual({ ok: true });
    expect(await summarize(organizationId)).toEqual([["Security", ["SOC 2", "SSO", "SAML"]]]);
    const audit = await database.db.selectFrom("audit_events").select(["action", "target", "details"]).where("organization_id", "=", organizationId).execute();
    expect(audit).toEqual([{ action: "tracker.created", target: "Security", details: { keywords: ["SOC 2", "SSO", "SAML"] } }]);
  });

  it.each([
    ["no name", { name: "  ", keywords: "a" }, "Give the tracker a name."],
    ["a name over 60 characters", { name: "x".repeat(61), keywords: "a" }, "Keep the name under 60 characters."],
    ["no keywords", { name: "Empty", keywords: " , \n ," }, "Add at least one keyword."],
    ["a keyword over 60 characters", { name: "Long", keywords: `ok, ${"k".repeat(61)}` }, "Keep each keyword under 60 characters."],
    ["more than 50 keywords", { name: "Many", keywords: Array.from({ length: 51 }, (_, i) => `k${i}`).join(",") }, "Use at most 50 keywords."],
    ["an id that is not one", { id: "not-a-uuid", name: "Odd", keywords: "a" }, expect.any(String)],
  ])("refuses %s and stores nothing", async (_case, fields, error) => {
    const organizationId = await signInToNewOrganization();
    expect(await save(fields)).toEqual({ ok: false, error });
    expect(await summarize(organizationId)).toEqual([]);
  });

  it("refuses a second tracker of the same name, whether added or renamed", async () => {
    const organizationId = await signInToNewOrganization();
    await save({ name: "Pricing", keywords: "price" });
    await save({ name: "Legal", keywords: "contract" });
    const duplicate = { ok: false, error: "There is already a tracker called “Pricing”." };
    expect(await save({ name: "Pricing", keywords: "discount" })).toEqual(duplicate);
    const legal = (await listTrackers(database.db, organizationId)).find((tracker) => tracker.name === "Legal")!;
    expect(await save({ id: legal.id, name: "Pricing", keywords: "contract" })).toEqual(duplicate);
    expect(await summarize(organizationId)).toEqual([
      ["Legal", ["contract"]],
      ["Pricing", ["price"]],
    ]);
  });

  it("edits a tracker of the admin's organization and no other", async () => {
    const { otherOrganizationId, theirs, organizationId, ours } = await twoOrganizationsWithATrackerEach();

    expect(await save({ id: ours.id, name: "Ours, renamed", keywords: "b, c" })).toEqual({ ok: true });
    expect(await summarize(organizationId)).toEqual([["Ours, renamed", ["b", "c"]]]);
    expect(await save({ id: theirs.id, name: "Taken over", keywords: "y" })).toEqual({ ok: false, error: "That tracker no longer exists." });
    expect(await summarize(otherOrganizationId)).toEqual([["Theirs", ["x"]]]);
    const actions = await database.db.selectFrom("audit_events").select("action").where("organization_id", "=", organizationId).orderBy("created_at").execute();
    expect(actions.map((row) => row.action)).toEqual(["tracker.created", "tracker.updated"]);
  });
});

describe("removing a tracker", () => {
  it("removes one of the admin's organization and refuses any other id", async () => {
    const { otherOrganizationId, theirs, organizationId, ours } = await twoOrganizationsWithATrackerEach();

    const gone = { ok: false, error: "That tracker no longer exists." };
    expect(await remove(theirs.id)).toEqual(gone);
    expect(await remove("not-a-uuid")).toEqual(gone);
    expect(await remove(ours.id)).toEqual({ ok: true });
    expect(await remove(ours.id)).toEqual(gone);
    expect(await summarize(organizationId)).toEqual([]);
    expect(await summarize(otherOrganizationId)).toEqual([["Theirs", ["x"]]]);
  });
});

describe("who may change trackers", () => {
  it("refuses a rep with a 403 and someone signed out with the sign-in page, changing nothing", async () => {
    const organizationId = await signInToNewOrganization();
    await save({ name: "Pricing", keywords: "price" });
    const pricing = (await listTrackers(database.db, organizationId))[0]!;
    session.userId = await seedUser(database.db, { organizationId, email: "rep@acme.test", name: "Rep", role: "rep" });

    const forbidden = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
    await expect(save({ name: "Rep's", keywords: "a" })).rejects.toMatchObject(forbidden);
    await expect(save({ id: pricing.id, name: "Pricing", keywords: "free" })).rejects.toMatchObject(forbidden);
    await expect(remove(pricing.id)).rejects.toMatchObject(forbidden);
    session.userId = null;
    await expect(remove(pricing.id)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*;\/sign-in;/) });
    expect(await summarize(organizationId)).toEqual([["Pricing", ["price"]]]);
  });
});

describe("a call's tracker hits after tracker edits", () => {
  it("are recomputed when it is next viewed: with no trackers once all are deleted, then with a new one", async () => {
    const organizationId = await signInToNewOrganization();
    const call = {
      id: await seedCall(database.db, {
        organizationId,
        connectionId: await seedConnection(database.db, organizationId),
        gongId: "9001",
        startedAt: new Date(),
        durationSeconds: discoveryCall.durationSeconds,
        parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party })),
        segments: discoveryCall.segments,
      }),
      organization_id: organizationId,
    };
    const hitsByTracker = async () =>
      Object.fromEntries((await getFreshCallInsights(database.db, call))!.insights.trackers.map((tracker) => [tracker.name, tracker.hits.map((hit) => hit.segmentIndex)]));

    expect(Object.keys(await hitsByTracker())).toEqual(["Competitors", "Pricing"]);
    for (const tracker of await listTrackers(database.db, organizationId)) await remove(tracker.id);
    expect(await hitsByTracker()).toEqual({});
    expect(await hitsByTracker()).toEqual({});

    const competitors = discoveryCall.trackers.find((tracker) => tracker.name === "Competitors")!;
    await save({ name: competitors.name, keywords: competitors.keywords.join(", ") });
    expect(await hitsByTracker()).toEqual({ Competitors: discoveryCallExpected.trackers.Competitors });
  });
});
