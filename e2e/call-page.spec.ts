import { type Page, expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { discoveryCall } from "../lib/insights/__fixtures__/discovery-call";
import { seedCall, seedConnection, seedGongUser, seedOrganization, seedUser, seedUserGongLink } from "../test-support/seed-calls";
import { listSeriousAxeViolations } from "./fixtures/page-checks";
import { e2eDb } from "./fixtures/db";
import { DEMO_PASSWORD, signIn } from "./fixtures/users";
import { startWavServer } from "./fixtures/wav-server";

// Issue 23's call page: following the recording, the phone layout, Gong's brief, speakers, landing from a search,
// the keyboard. Initech is this spec's own organization.
const suffix = Date.now().toString(36);
const emails = { admin: `admin-${suffix}@initech.test`, ivy: `ivy-${suffix}@initech.test` };
const ids: Record<string, string> = {};
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const BRIEF = "Initech runs pricing out of spreadsheets and wants a demo for IT.";
let wav: Awaited<ReturnType<typeof startWavServer>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = e2eDb();
  wav = await startWavServer(1300);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organizationId = await seedOrganization(db, `Initech ${suffix}`);
  const connectionId = await seedConnection(db, organizationId);
  await seedUser(db, { organizationId, email: emails.admin, name: "Irma Admin", role: "admin", passwordHash });
  const ivyGongId = `71${Date.now() % 1e6}`;
  const ivyId = await seedUser(db, { organizationId, email: emails.ivy, name: "Ivy Rep", role: "rep", passwordHash });
  const gongUserId = await seedGongUser(db, { organizationId, gongId: ivyGongId, email: emails.ivy, firstName: "Ivy", lastName: "Rep" });
  await seedUserGongLink(db, { userId: ivyId, organizationId, gongUserId });
  const ivy = { gongId: "i0", userGongId: ivyGongId, name: "Ivy Rep", affiliation: "Internal" as const };
  const common = { organizationId, connectionId, primaryUserGongId: ivyGongId, audioUrl: wav.url, mediaFetchedAt: new Date() };
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);

  ids.discovery = await seedCall(db, {
    ...common, gongId: "72001", title: "Initech discovery call", startedAt: day(1), durationSeconds: discoveryCall.durationSeconds,
    parties: discoveryCall.parties.map((party, index) => ({ gongId: `p${index}`, ...party, userGongId: index === 0 ? ivyGongId : null })),
    segments: discoveryCall.segments,
    content: {
      brief: BRIEF,
      callOutcome: { id: "DEMO", category: "Answered", name: "Demo booked" },
      keyPoints: [{ text: "Budget is approved for this quarter." }],
      highlights: [{ title: "Next steps", items: [{ text: "Send the security questionnaire.", startTimes: [128] }] }],
      outline: [{ section: "Discovery", startTime: 0, duration: 96, items: [] }],
    },
  });
  ids.workshop = await seedCall(db, {
    ...common, gongId: "72002", title: "Initech rollout workshop", startedAt: day(2), durationSeconds: 1200,
    parties: [{ ...ivy, speakerId: "1" }, { gongId: "w1", speakerId: "2", name: "Walt Buyer", affiliation: "External" }],
    segments: Array.from({ length: 400 }, (_, index) => ({
      speakerId: index % 2 === 0 ? "1" : "2", startMs: index * 3000, endMs: index * 3000 + 2800, text: `Point ${index}: we walked through the rollout plan.`,
    })),
  });
  ids.unmatched = await seedCall(db, {
    ...common, gongId: "72003", title: "Initech call with unmatched speakers", startedAt: day(3), durationSeconds: 60, parties: [ivy],
    interaction: { interactionStats: [{ name: "Talk Ratio", value: 0.51 }] },
    segments: ["a", "b", "c", "a"].map((speakerId, index) => ({ speakerId, startMs: index * 10_000, endMs: index * 10_000 + 9000, text: `We covered item ${index} today.` })),
  });
  ids.imported = await seedCall(db, { ...common, gongId: "72004", title: "Initech dialer call", startedAt: day(4), durationSeconds: 300, system: "Aircall" });
});

test.afterAll(async () => {
  await wav?.close();
});

async function signInAs(page: Page, who: keyof typeof emails) {
  await page.context().clearCookies();
  await signIn(page, emails[who]);
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 });
}

const media = (page: Page) => page.getByLabel("Call recording");
const isPlaying = (page: Page) => media(page).evaluate((element: HTMLMediaElement) => !element.paused);
const currentTime = (page: Page) => media(page).evaluate((element: HTMLMediaElement) => element.currentTime);

async function hasSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test("the player stays pinned and the transcript follows the recording, until the reader scrolls away", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ivy");
  await page.goto(`/calls/${ids.workshop}`);

  await page.getByRole("button", { name: "Play from 15:00" }).click();
  await expect.poll(() => isPlaying(page)).toBe(true);
  await expect(page.getByRole("button", { name: "Pause" })).toBeInViewport();
  const current = page.locator("#transcript [data-current]");
  await expect(current).toHaveAttribute("id", /^s-30\d$/);

  // Elsewhere in the recording while playing: the sentence being played is brought into view.
  await page.getByLabel("Position in the recording").fill("600");
  await expect(current).toHaveAttribute("id", /^s-20\d$/);
  await expect(current).toBeInViewport();
  await expect(page.getByRole("button", { name: "Pause" })).toBeInViewport();

  // The reader's own scroll stops the following; Follow brings it back.
  await page.mouse.move(400, 500);
  await page.mouse.wheel(0, 4000);
  const follow = page.getByRole("button", { name: "Follow" });
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await expect(current).not.toBeInViewport();
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(current).toBeInViewport();
});

test("the talk timeline plays from where a speaker is clicked", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ivy");
  await page.goto(`/calls/${ids.discovery}`);
  const timeline = page.getByTestId("call-timeline");
  const bob = timeline.getByRole("button", { name: /^Bob Buyer: spoke in/ });
  // Bob speaks 35–50 s of a 152 s call: the middle of that stretch, about 28 % along the row.
  await bob.scrollIntoViewIfNeeded();
  const box = (await bob.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.28, box.y + box.height / 2);
  await expect.poll(() => isPlaying(page)).toBe(true);
  expect(await currentTime(page)).toBeGreaterThanOrEqual(35);
  expect(await currentTime(page)).toBeLessThan(55);
  await expect(page.locator("#transcript [data-current]")).toHaveAttribute("id", /^s-(5|6)$/);
});

test("on a phone the summary comes first, in tabs under a pinned player, and nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, "ivy");
  expect(await hasSidewaysScroll(page)).toBe(false);
  await page.goto(`/calls/${ids.discovery}`);
  await expect(page.getByRole("tab", { name: "Summary" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: "Gong's brief" })).toBeInViewport();
  await expect(page.getByText(BRIEF)).toBeInViewport();
  await expect(page.getByRole("heading", { name: "Participants" })).toBeVisible();
  expect((await page.getByRole("heading", { name: "Participants" }).boundingBox())!.y).toBeLessThan(PHONE.height * 1.5);
  expect(await hasSidewaysScroll(page)).toBe(false);

  await page.getByRole("tab", { name: "Stats" }).click();
  await expect(page.getByRole("heading", { name: "Talk time" })).toBeInViewport();
  await expect(page.getByRole("heading", { name: "Participants" })).toBeHidden();

  await page.getByRole("tab", { name: "Transcript" }).click();
  await expect(page.getByLabel("Find in transcript")).toBeVisible();
  await page.getByRole("button", { name: "Play from 2:14" }).click();
  await expect.poll(() => isPlaying(page)).toBe(true);
  await expect(page.getByRole("button", { name: "Pause" })).toBeInViewport();
  expect(await hasSidewaysScroll(page)).toBe(false);
});

test("Gong's brief leads the rail, and our own cards add only what it lacks", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ivy");
  await page.goto(`/calls/${ids.discovery}`);
  const brief = page.getByTestId("gong-brief");
  await expect(brief).toContainText(BRIEF);
  await expect(brief).toContainText("Demo booked");
  await expect(brief).toContainText("Budget is approved for this quarter.");
  // Gong's highlights have next steps, so ours (and our extractive summary) are left out.
  await expect(brief.getByRole("link", { name: "2:08" })).toHaveAttribute("href", "#s-16");
  await expect(page.getByTestId("next-steps")).toHaveCount(0);
  await expect(page.getByTestId("extractive-summary")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Filler words" })).toBeVisible();

  await page.goto(`/calls/${ids.unmatched}`);
  await expect(page.getByRole("heading", { name: "Filler words" })).toHaveCount(0);
});

test("each speaker has a colour of their own, and unmatched speakers are numbered, with Gong's talk ratio", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ivy");
  await page.goto(`/calls/${ids.discovery}`);
  const nameColor = (speaker: string) =>
    page.locator("#transcript > li").filter({ hasText: speaker }).first().locator("p").first().evaluate((element) => getComputedStyle(element).color);
  const colors = await Promise.all(["Alice Rep", "Bob Buyer", "Carol Finance"].map(nameColor));
  expect(new Set(colors).size).toBe(3);

  await page.goto(`/calls/${ids.unmatched}`);
  const transcript = page.locator("#transcript");
  for (const name of ["Speaker 1", "Speaker 2", "Speaker 3"]) await expect(transcript.getByText(name).first()).toBeVisible();
  await expect(page.getByText("Unknown speaker")).toHaveCount(0);
  await expect(page.getByTestId("talk-side-internal-value")).toHaveText("51%");
  await expect(page.getByTestId("stat-talk-ratio").getByTestId("ours")).toHaveText("—");
  await expect(page.getByTestId("stat-talk-ratio").getByTestId("gong")).toHaveText("51%");
});

test("a search result opens the call on the sentence, highlighted, with the term in Find in transcript", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ivy");
  await page.getByLabel("Search transcripts").fill('"security questionnaire"');
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Initech discovery call" }).click();
  await expect(page.getByRole("heading", { name: "Initech discovery call", level: 1 })).toBeVisible();
  const sentence = page.locator("#s-16");
  await expect(sentence).toBeInViewport();
  await expect.poll(() => sentence.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  await expect(page.getByLabel("Find in transcript")).toHaveValue("security questionnaire");
  await expect(page.getByRole("status").filter({ hasText: / of |No matches/ })).toHaveText("1 of 1");
  await expect(page.getByRole("button", { name: "Pause", exact: true }).or(page.getByRole("button", { name: "Play", exact: true }))).toBeInViewport();
});

test("keyboard: a skip link, K/J/L that leave typing alone, the transcript as one tab stop, Escape closes the phone menu", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ivy");
  await page.goto(`/calls/${ids.workshop}`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();

  await page.keyboard.press("k");
  await expect.poll(() => isPlaying(page)).toBe(true);
  await page.keyboard.press("k");
  await expect.poll(() => isPlaying(page)).toBe(false);
  const before = await currentTime(page);
  await page.keyboard.press("l");
  await expect.poll(() => currentTime(page)).toBeCloseTo(before + 5, 0);
  await page.keyboard.press("j");
  await expect.poll(() => currentTime(page)).toBeCloseTo(before, 0);
  await page.getByLabel("Find in transcript").fill("");
  await page.keyboard.type("kjl");
  await expect(page.getByLabel("Find in transcript")).toHaveValue("kjl");
  expect(await isPlaying(page)).toBe(false);

  const first = page.getByRole("button", { name: "Play from 0:00" });
  await first.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("button", { name: "Play from 0:03" })).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("#transcript"))).toBe(false);
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Play from 0:03" })).toBeFocused();

  await page.setViewportSize(PHONE);
  const menu = page.getByRole("button", { name: "Open menu" });
  await menu.click();
  await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
});

test("a call still being transcribed has no find box, and an imported call names its host in the list", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "ivy");
  const row = page.getByRole("row").filter({ hasText: "Initech dialer call" });
  await expect(row).toContainText("Host: Ivy Rep");
  await expect(row).toContainText("Aircall call · No participants listed by Gong");
  await row.getByRole("link", { name: "Initech dialer call" }).click();
  await expect(page).toHaveTitle("Initech dialer call · Callbridge");
  await expect(page.getByText("Gong is still transcribing this call")).toBeVisible();
  await expect(page.getByLabel("Find in transcript")).toHaveCount(0);
});

test("the call page and the calls list have no serious accessibility violations at 1366 and 390 px, light and dark", async ({ page }) => {
  test.setTimeout(120_000); // twelve axe runs
  await signInAs(page, "ivy");
  const violations: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      for (const path of ["/calls", `/calls/${ids.discovery}`, `/calls/${ids.unmatched}`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        violations.push(...(await listSeriousAxeViolations(page)).map((violation) => `${colorScheme} ${viewport.width}px ${violation}`));
        if (viewport === PHONE) expect(await hasSidewaysScroll(page), `${path} scrolls sideways at 390 px`).toBe(false);
      }
    }
  }
  expect(violations).toEqual([]);
});
