import { type Page, expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { discoveryCall, discoveryCallExpected } from "../lib/insights/__fixtures__/discovery-call";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { DEMO_PASSWORD, signIn } from "./fixtures/users";
import { startWavServer } from "./fixtures/wav-server";

// Globex is this spec's own organization, so other specs connecting and disconnecting Gong for Acme can't disturb it.
const suffix = Date.now().toString(36);
const emails = { admin: `admin-${suffix}@globex.test`, ada: `ada-${suffix}@globex.test`, bo: `bo-${suffix}@globex.test` };
const ids: Record<string, string> = {};
let wav: Awaited<ReturnType<typeof startWavServer>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = e2eDb();
  wav = await startWavServer(160);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organizationId = await seedOrganization(db, `Globex ${suffix}`);
  const connectionId = await seedConnection(db, organizationId);
  await seedUser(db, { organizationId, email: emails.admin, name: "Gina Admin", role: "admin", passwordHash });
  const gongIds = { ada: `81${Date.now() % 1e6}`, bo: `82${Date.now() % 1e6}` };
  for (const rep of ["ada", "bo"] as const) {
    const userId = await seedUser(db, { organizationId, email: emails[rep], name: rep === "ada" ? "Alice Rep" : "Bo Rep", role: "rep", passwordHash });
    const gongUserId = await seedGongUser(db, { organizationId, gongId: gongIds[rep], email: emails[rep], firstName: rep === "ada" ? "Alice" : "Bo", lastName: "Rep" });
    await seedUserGongLink(db, { userId, organizationId, gongUserId });
  }
  for (const tracker of discoveryCall.trackers) {
    await db.insertInto("trackers").values({ organization_id: organizationId, name: tracker.name, keywords: tracker.keywords }).execute();
  }
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
  ids.discovery = await seedCall(db, {
    organizationId, connectionId, gongId: "91001", title: "Globex discovery call", startedAt: day(1), durationSeconds: discoveryCall.durationSeconds,
    primaryUserGongId: gongIds.ada, url: "https://app.gong.io/call?id=91001", audioUrl: wav.url, mediaFetchedAt: new Date(),
    parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party, userGongId: index === 0 ? gongIds.ada : null })),
    segments: discoveryCall.segments,
  });
  ids.adaOther = await seedCall(db, { organizationId, connectionId, gongId: "91002", title: "Globex onboarding", startedAt: day(2), durationSeconds: 1800, primaryUserGongId: gongIds.ada,
    parties: [{ gongId: "a1", userGongId: gongIds.ada, name: "Alice Rep", affiliation: "Internal" }],
    segments: [{ speakerId: "1", startMs: 0, endMs: 4000, text: "Welcome aboard, let's set up your workspace." }] });
  ids.boCall = await seedCall(db, { organizationId, connectionId, gongId: "91003", title: "Bo renewal negotiation", startedAt: day(1), durationSeconds: 2400, primaryUserGongId: gongIds.bo,
    audioUrl: wav.url, mediaFetchedAt: new Date(),
    parties: [{ gongId: "b1", userGongId: gongIds.bo, name: "Bo Rep", affiliation: "Internal" }],
    segments: [{ speakerId: "1", startMs: 0, endMs: 4000, text: "The renewal budget is frozen until January." }] });
  ids.videoCall = await seedCall(db, { organizationId, connectionId, gongId: "91005", title: "Globex video demo", startedAt: day(4), durationSeconds: 900, primaryUserGongId: gongIds.ada,
    mediaType: "Video", audioUrl: wav.url, videoUrl: wav.videoUrl, mediaFetchedAt: new Date(),
    parties: [{ gongId: "v1", userGongId: gongIds.ada, name: "Alice Rep", affiliation: "Internal" }],
    segments: [{ speakerId: "1", startMs: 0, endMs: 1000, text: "Let me share my screen." }] });
  ids.videoWithoutVideo = await seedCall(db, { organizationId, connectionId, gongId: "91006", title: "Globex video call, audio only", startedAt: day(5), durationSeconds: 600, primaryUserGongId: gongIds.ada,
    mediaType: "Video", audioUrl: wav.url, mediaFetchedAt: new Date(),
    parties: [{ gongId: "v2", userGongId: gongIds.ada, name: "Alice Rep", affiliation: "Internal" }],
    segments: [{ speakerId: "1", startMs: 0, endMs: 1000, text: "My camera is off today." }] });
  await seedGongUser(db, { organizationId, gongId: `83${Date.now() % 1e6}`, email: `cy-${suffix}@globex.test`, firstName: "Cy", lastName: "Unlinked" });
  ids.longCall = await seedCall(db, {
    organizationId, connectionId, gongId: "91004", title: "Globex two-hour workshop", startedAt: day(3), durationSeconds: 7200, primaryUserGongId: gongIds.ada,
    parties: [
      { gongId: "w1", speakerId: "1", userGongId: gongIds.ada, name: "Alice Rep", affiliation: "Internal" },
      { gongId: "w2", speakerId: "2", name: "Walt Buyer", affiliation: "External" },
    ],
    segments: Array.from({ length: 1500 }, (_, index) => ({
      speakerId: index % 3 === 0 ? "2" : "1", startMs: index * 4800, endMs: index * 4800 + 4500,
      text: index === 1234 ? "The migration window is the last weekend of March." : `Point ${index}: we walked through the rollout plan together.`,
    })),
  });
});

test.afterAll(async () => {
  await wav?.close();
});

async function signInAs(page: Page, who: keyof typeof emails) {
  await page.context().clearCookies();
  await signIn(page, emails[who]);
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 }); // scrypt sign-in is slow on a loaded machine
}

test("a rep sees only their calls and finds a phrase across transcripts", async ({ page }) => {
  await signInAs(page, "ada");
  await expect(page.getByRole("link", { name: "Globex discovery call" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Globex onboarding" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bo renewal negotiation" })).toHaveCount(0);

  await page.getByLabel("Search transcripts").fill('"security questionnaire"');
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=%22security\+questionnaire%22/);
  const snippet = page.getByTestId("search-snippet");
  await expect(snippet).toHaveCount(1);
  await expect(snippet.locator("mark")).toHaveText(["security", "questionnaire"]);

  await page.getByLabel("Search transcripts").fill("renewal budget");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "No calls match" })).toBeVisible();
});

test("a rep opens a call, finds a phrase, seeks and plays the recording, and sees the insights", async ({ page }) => {
  await signInAs(page, "ada");
  await page.getByRole("link", { name: "Globex discovery call" }).click();
  await expect(page.getByRole("heading", { name: "Globex discovery call", level: 1 })).toBeVisible();

  const find = page.getByLabel("Find in transcript");
  await find.fill("pricing");
  const status = page.getByRole("status").filter({ hasText: / of |No matches/ });
  await expect(status).toHaveText(/^1 of \d+$/);
  const total = Number((await status.textContent())?.split(" of ")[1]);
  expect(total).toBeGreaterThan(3);
  await page.getByRole("button", { name: "Next match" }).click();
  await expect(status).toHaveText(`2 of ${total}`);
  await page.getByRole("button", { name: "Previous match" }).click();
  await page.getByRole("button", { name: "Previous match" }).click();
  await expect(status).toHaveText(`${total} of ${total}`);
  await expect(page.locator("[data-match-current]")).toHaveCount(1);

  const audio = page.getByLabel("Call recording");
  await page.getByRole("button", { name: "Play from 1:13" }).click();
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => Math.round(element.currentTime))).toBeGreaterThanOrEqual(73);
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(73.2);

  const expected = discoveryCallExpected;
  const insights = page.getByTestId("insights");
  await expect(insights.getByTestId("talk-side-internal-value")).toHaveText(`${expected.talkPercent.internal}%`);
  await expect(insights.getByTestId("talk-side-external-value")).toHaveText(`${expected.talkPercent.external}%`);
  await expect(insights.getByTestId("talk-speaker-1001-value")).toHaveText(`${expected.talkPercent.alice}%`);
  await expect(insights.getByTestId("talk-speaker-1002-value")).toHaveText(`${expected.talkPercent.bob}%`);
  await expect(insights.getByTestId("talk-speaker-1003-value")).toHaveText(`${expected.talkPercent.carol}%`);
  await expect(insights.getByTestId("stat-longest-monologue").getByTestId("ours")).toHaveText(`${expected.longestMonologue.durationSeconds} s`);
  await expect(insights.getByTestId("stat-longest-customer-story").getByTestId("ours")).toHaveText(`${expected.longestCustomerStory.durationSeconds} s`);
  await expect(insights.getByTestId("stat-interactivity").getByTestId("ours")).toHaveText(String(expected.interactivity.score));
  await expect(insights.getByTestId("stat-patience").getByTestId("ours")).toHaveText(`${expected.patience.averagePauseSeconds} s`);
  await expect(insights.getByTestId("questions-internal")).toHaveText(String(expected.questions.internal.length));
  await expect(insights.getByTestId("questions-external")).toHaveText(String(expected.questions.external.length));
  await expect(insights.getByTestId("fillers-1001")).toHaveText(`${expected.fillerWords.alice.count} · ${expected.fillerWords.alice.perMinute}/min`);
  await expect(insights.getByTestId("tracker-Competitors")).toContainText(`${expected.trackers.Competitors.length} hits`);
  await expect(insights.getByTestId("tracker-Pricing")).toContainText(`${expected.trackers.Pricing.length} hits`);
  await expect(insights.getByTestId("tracker-Competitors").getByRole("link").first()).toHaveAttribute("href", `#s-${expected.trackers.Competitors[0]}`);
});

test("a video call plays its video, and one Gong kept no video for plays its audio", async ({ page }) => {
  await signInAs(page, "ada");
  await page.goto(`/calls/${ids.videoCall}`);
  const video = page.locator("video[aria-label='Call recording']");
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((element: HTMLVideoElement) => element.videoWidth)).toBeGreaterThan(0);

  await page.goto(`/calls/${ids.videoWithoutVideo}`);
  const audio = page.locator("audio[aria-label='Call recording']");
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.readyState)).toBeGreaterThanOrEqual(1);
  await expect(page.locator("video")).toHaveCount(0);
  await expect(page.getByRole("alert").filter({ hasText: "couldn't be loaded" })).toHaveCount(0);
});

test("a two-hour call renders every sentence and its search jumps to a late phrase", async ({ page }) => {
  await signInAs(page, "ada");
  const started = Date.now();
  await page.goto(`/calls/${ids.longCall}`);
  await expect(page.locator("#transcript [data-sentence]")).toHaveCount(1500);
  console.log(`two-hour call page (1,500 sentences) loaded in ${Date.now() - started} ms`);
  await page.getByLabel("Find in transcript").fill("migration window");
  await expect(page.getByRole("status").filter({ hasText: / of |No matches/ })).toHaveText("1 of 1");
  await expect(page.locator("#s-1234")).toHaveAttribute("data-match-current", "true");
  await expect(page.locator("#s-1234")).toBeInViewport();
});

test("another rep gets 404 for the call page and its recording", async ({ page }) => {
  await signInAs(page, "bo");
  const response = await page.goto(`/calls/${ids.discovery}`);
  expect(response?.status()).toBe(404);
  const media = await page.request.get(`/api/calls/${ids.discovery}/media?format=json`, { maxRedirects: 0 });
  expect(media.status()).toBe(404);
  // Bo's own call answers with its stored recording: exactly that, not any status other than 404 (a 500 is no pass).
  const own = await page.request.get(`/api/calls/${ids.boCall}/media?format=json`);
  expect({ status: own.status(), body: await own.json() }).toEqual({ status: 200, body: { audioUrl: wav.url, videoUrl: null } });
});

test("an admin invites a Gong user as a linked rep and unlinks another rep", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/users");
  const gongOnly = page.getByRole("list", { name: "Gong users without an app account" });
  await gongOnly.getByRole("button", { name: "Invite Cy Unlinked" }).click();
  await expect(page.getByLabel("One-time password")).toHaveText(/^[a-zA-Z2-9]{16}$/);
  await page.reload();
  const linked = page.getByRole("list", { name: "Linked users" });
  await expect(linked.getByRole("listitem").filter({ hasText: "Cy Unlinked" })).toContainText("Matched by email");

  await linked.getByRole("button", { name: "Unlink Bo Rep" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unlink" }).click();
  const appOnly = page.getByRole("list", { name: "App users without a Gong user" });
  await expect(appOnly.getByText("Unlinked by an admin")).toBeVisible();
  await expect(appOnly.getByLabel("Gong user for Bo Rep")).toBeVisible();
});
