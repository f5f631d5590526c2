import { type Page, expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { seedCall, seedConnection, seedOrganization, seedUser } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { DEMO_PASSWORD, signIn } from "./fixtures/users";
import { startWavServer } from "./fixtures/wav-server";

// Every page works under the Content-Security-Policy, in this spec's own organization: nothing is refused.
const suffix = Date.now().toString(36);
const admin = `csp-admin-${suffix}@csp.test`;
let callId: string;
let wav: Awaited<ReturnType<typeof startWavServer>>;

test.beforeAll(async () => {
  const db = e2eDb();
  wav = await startWavServer(5);
  const organizationId = await seedOrganization(db, `CSP ${suffix}`);
  const connectionId = await seedConnection(db, organizationId);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await seedUser(db, { organizationId, email: admin, name: "Cass Admin", role: "admin", passwordHash });
  await seedUser(db, { organizationId, email: `csp-rep-${suffix}@csp.test`, name: "Rory Rep", role: "rep", passwordHash });
  callId = await seedCall(db, {
    organizationId, connectionId, gongId: "93001", title: "CSP walkthrough", startedAt: new Date(), durationSeconds: 5,
    audioUrl: wav.url, mediaFetchedAt: new Date(),
    parties: [{ gongId: "c1", speakerId: "1", name: "Cass Admin", affiliation: "Internal" }],
    segments: [{ speakerId: "1", startMs: 0, endMs: 4000, text: "Let's check every page loads its scripts." }],
  });
});

test.afterAll(async () => {
  await wav?.close();
});

/** Collects what the browser refused under the policy, from the page's own events and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("every page renders its scripts with the response's nonce and nothing is refused", async ({ page }) => {
  const violations = await watchViolations(page);
  const signInPage = await page.goto("/sign-in");
  const policy = signInPage?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  const html = (await signInPage?.text()) ?? "";
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  await signIn(page, admin);
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible({ timeout: 20_000 });
  const pages: [string, string][] = [
    [`/calls/${callId}`, "CSP walkthrough"],
    ["/settings/gong", "Gong connection"],
    ["/settings/webhook", "Webhook"],
    ["/settings/users", "Users & links"],
    ["/settings/trackers", "Trackers"],
    ["/settings/sync", "Sync activity"],
    ["/settings/api", "API"],
    ["/settings/api/reference", "API reference"],
    ["/account/password", "Choose a password"],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  }
  await page.goto(`/calls/${callId}`);
  await expect.poll(() => page.getByLabel("Call recording").evaluate((media: HTMLMediaElement) => media.readyState)).toBeGreaterThan(0);
  // Client navigation, a dialog and a toast load the rest of the client code.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gong connection" }).click();
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "End Rory Rep's sessions" }).click();
  await expect(page.getByText("Rory Rep is signed out everywhere.")).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  expect(violations).toEqual([]);
});
