import { type Page, expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { discoveryCall } from "../lib/insights/__fixtures__/discovery-call";
import { weekStartOf } from "../lib/trends/trends-range";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { expectNoSidewaysScroll, listSeriousAxeViolations } from "./fixtures/page-checks";
import { DEMO_PASSWORD, signIn } from "./fixtures/users";

// Issue 21: trends for a rep and an admin, the transcript export, and both pages on a phone. Umbrella is this spec's
// own organization. The weekly figures are stored as the insights code stores them (call_metrics); the database's
// triggers turn them into the weekly aggregates the page reads.
const suffix = Date.now().toString(36);
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const REPS = [
  { key: "ana", name: "Ana Umbrella", talkRatio: 0.42 },
  { key: "ben", name: "Ben Umbrella", talkRatio: 0.58 },
  { key: "cat", name: "Cat Umbrella", talkRatio: 0.5 },
] as const;
const email = (key: string) => `${key}-${suffix}@umbrella.test`;
let discoveryId = "";
let nextGongId = 0;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = e2eDb();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organizationId = await seedOrganization(db, `Umbrella ${suffix}`);
  const connectionId = await seedConnection(db, organizationId);
  await seedUser(db, { organizationId, email: email("admin"), name: "Uma Admin", role: "admin", passwordHash });
  await seedUser(db, { organizationId, email: email("new"), name: "Nia Unlinked", role: "rep", passwordHash });
  for (const [index, rep] of REPS.entries()) {
    const gongId = `93${index}${Date.now() % 1e6}`;
    const userId = await seedUser(db, { organizationId, email: email(rep.key), name: rep.name, role: "rep", passwordHash });
    const gongUserId = await seedGongUser(db, { organizationId, gongId, email: email(rep.key), firstName: rep.name.split(" ")[0], lastName: "Umbrella" });
    await seedUserGongLink(db, { userId, organizationId, gongUserId });
    for (const weeksAgo of [0, 1, 2, 3, 6]) {
      const startedAt = new Date(Date.now() - weeksAgo * 7 * 86_400_000);
      const callId = await seedCall(db, {
        organizationId, connectionId, gongId: `94${suffix}${nextGongId++}`, title: `${rep.name} week ${weeksAgo}`, startedAt, primaryUserGongId: gongId,
      });
      await db.insertInto("call_insights").values({ call_id: callId, version: 2, trackers_hash: "e2e", insights: "{}" }).execute();
      await db
        .insertInto("call_metrics")
        .values({
          call_id: callId, organization_id: organizationId, rep_gong_id: gongId, workspace_gong_id: "", week_start: weekStartOf(startedAt),
          talk_ratio: rep.talkRatio + weeksAgo / 100, longest_monologue_seconds: 40 + weeksAgo * 5, questions_asked: 3 + weeksAgo,
          patience_seconds: 0.8 + index / 10, interactivity: 4 + index, tracker_mentions: JSON.stringify({ Pricing: 2, Competitors: weeksAgo % 2 }),
        })
        .execute();
    }
    if (rep.key === "ana") {
      discoveryId = await seedCall(db, {
        organizationId, connectionId, gongId: `95${suffix}`, title: "Umbrella discovery: pricing & rollout", startedAt: new Date("2026-11-30T15:00:00Z"),
        durationSeconds: discoveryCall.durationSeconds, primaryUserGongId: gongId,
        parties: discoveryCall.parties.map((party, position) => ({ gongId: `p${position}`, ...party, userGongId: position === 0 ? gongId : null })),
        segments: discoveryCall.segments,
      });
    }
  }
});

async function signInAs(page: Page, key: string) {
  await page.context().clearCookies();
  await signIn(page, email(key));
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 });
}

test("a rep sees their own weeks beside the team median, switches the range by keyboard and reads the numbers", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ana");
  await page.getByRole("link", { name: "Trends" }).click();
  await expect(page.getByRole("heading", { name: "Trends", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Talk ratio per week: You and the team median/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Tracker mentions per week in your calls/ })).toBeVisible();
  await expect(page.getByText(/Ben Umbrella|Cat Umbrella/)).toHaveCount(0);

  const talkCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Talk ratio", exact: true }) });
  await talkCard.getByText("Show the numbers").click();
  const table = talkCard.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Team median" })).toBeVisible();
  // This week: Ana 42%, the team's middle rep Cat 50%.
  await expect(table.getByRole("row").last()).toContainText("42%");
  await expect(table.getByRole("row").last()).toContainText("50%");

  const range30 = page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "30 days" });
  await range30.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/range=30/);
  await expect(page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/calls in 4 of \d+ weeks/)).toBeVisible();
});

test("a rep without a linked Gong user is told why there is nothing to show", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "new");
  await page.goto("/trends");
  await expect(page.getByRole("heading", { name: "Your account isn't linked to a Gong user" })).toBeVisible();
});

test("an admin sees the team table, with the unlinked rep said plainly, and opens one rep's charts", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "admin");
  await page.goto("/trends");
  const team = page.getByRole("region", { name: /Team trends table/ });
  for (const rep of REPS) await expect(team.getByRole("rowheader", { name: rep.name })).toBeVisible();
  await expect(team.getByRole("row").filter({ hasText: "Nia Unlinked" })).toContainText("No linked Gong user");
  await expect(team.getByRole("img", { name: /^Talk ratio for Ben Umbrella, week by week/ })).toBeVisible();
  await team.getByRole("link", { name: "Ben Umbrella" }).click();
  await expect(page.getByRole("heading", { name: "Trends: Ben Umbrella", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Talk ratio per week: Ben Umbrella and the team median/ })).toBeVisible();
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Trends", level: 1 })).toBeVisible();
});

test("the transcript downloads from the call page as WebVTT, text and JSON, named after the call", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ana");
  await page.goto(`/calls/${discoveryId}`);
  for (const [label, extension, start] of [["WebVTT", "vtt", "WEBVTT"], ["Text", "txt", "Umbrella discovery"], ["JSON", "json", "{"]] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download transcript as ${label}` }).click()]);
    expect(download.suggestedFilename()).toBe(`2026-11-30-umbrella-discovery-pricing-rollout.${extension}`);
    const body = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    });
    expect(body.startsWith(start)).toBe(true);
    if (extension === "vtt") expect(body).toContain("<v Alice Rep>Hi Bob, thanks for joining, um, today.</v>");
  }
  // Another rep's export of this call is a 404, as the call page is.
  await signInAs(page, "ben");
  expect((await page.request.get(`/api/calls/${discoveryId}/transcript?format=vtt`)).status()).toBe(404);
});

/** axe's serious findings on each path, light and dark, at 1366 and 390 px, and that none scrolls sideways on the phone. */
async function checkPages(page: Page, who: string, paths: string[]): Promise<string[]> {
  const violations: string[] = [];
  await page.setViewportSize(DESKTOP);
  await signInAs(page, who);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // The charts' tables too: they are what a screen reader reads.
        for (const summary of await page.getByText("Show the numbers").all()) await summary.click();
        violations.push(...(await listSeriousAxeViolations(page)).map((violation) => `${who} ${colorScheme} ${viewport.width}px ${violation}`));
        if (viewport === PHONE) await expectNoSidewaysScroll(page);
      }
    }
  }
  return violations;
}

test.describe("every page has no serious accessibility violations at 1366 and 390 px, light and dark, and none scrolls sideways", () => {
  test.setTimeout(420_000);

  test("a rep's pages", async ({ page }) => {
    expect(await checkPages(page, "ana", ["/trends", "/calls", `/calls/${discoveryId}`, "/account", "/account/password"])).toEqual([]);
  });

  test("an admin's pages", async ({ page }) => {
    const ben = await e2eDb().selectFrom("gong_users").select("gong_id").where("email", "=", email("ben")).executeTakeFirstOrThrow();
    const paths = [
      "/trends", "/trends?range=365", `/trends?rep=${ben.gong_id}`, "/calls", `/calls/${discoveryId}`, "/settings/gong", "/settings/webhook",
      "/settings/users", "/settings/trackers", "/settings/sync", "/settings/api", "/settings/api/reference", "/settings/outbound",
      "/account", "/account/password",
    ];
    expect(await checkPages(page, "admin", paths)).toEqual([]);
  });

  test("the sign-in page", async ({ page }) => {
    const violations: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto("/sign-in");
      violations.push(...(await listSeriousAxeViolations(page)).map((violation) => `signed out ${viewport.width}px ${violation}`));
      if (viewport === PHONE) await expectNoSidewaysScroll(page);
    }
    expect(violations).toEqual([]);
  });
});
