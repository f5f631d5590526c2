import { type Page } from "@playwright/test";
import { sql } from "kysely";
import { createScriptDb } from "./script-db";

const SYNC_TIMEOUT_MS = 300_000;

/** Waits until the first sync has run to the end and brought calls with transcripts in. */
export async function waitForFirstSync(databaseUrl: string): Promise<void> {
  const db = createScriptDb(databaseUrl);
  try {
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    for (;;) {
      const [runs, transcripts] = await Promise.all([
        db.selectFrom("sync_runs").select(["status"]).execute(),
        db.selectFrom("calls").select((eb) => eb.fn.countAll<string>().as("count")).where("transcript_status", "=", "ready").executeTakeFirstOrThrow(),
      ]);
      const settled = runs.length > 0 && runs.every((run) => !["queued", "running"].includes(run.status));
      if (settled && Number(transcripts.count) > 0) return;
      if (Date.now() > deadline) throw new Error(`the first sync did not finish within ${SYNC_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await db.destroy();
  }
}

/** A call that shows the page off: audio (the simulator's video is 1.6 s), Gong's brief, several speakers, a transcript. */
export async function pickShowcaseCall(databaseUrl: string): Promise<string> {
  const db = createScriptDb(databaseUrl);
  try {
    const call = await db
      .selectFrom("calls")
      .select("calls.id")
      .where("transcript_status", "=", "ready")
      .where("transcript_segment_count", ">=", 40)
      .where(sql<boolean>`content->>'brief' is not null`)
      .orderBy(sql`media_type = 'Audio'`, "desc")
      .orderBy((eb) => eb.selectFrom("call_parties").select(eb.fn.countAll().as("n")).whereRef("call_parties.call_id", "=", "calls.id"), "desc")
      .orderBy("transcript_segment_count")
      .executeTakeFirst();
    if (!call) throw new Error("the sync brought in no call with a transcript and Gong's brief");
    return call.id;
  } finally {
    await db.destroy();
  }
}

async function simulator<T>(simulatorUrl: string, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${simulatorUrl}/__sim/${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`simulator ${route}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Sets up Gong's automation rule for this instance's webhook URL and sends a test and a real delivery, so the
 * webhook page is shown as it looks in use. The page changes more than the rest: when a step no longer finds its
 * field, the page is photographed as it is, with a warning.
 */
export async function prepareWebhook(page: Page, simulatorUrl: string): Promise<void> {
  try {
    await page.goto("/settings/webhook");
    const url = await page.getByLabel("Destination URL").inputValue({ timeout: 10_000 });
    const rule = await simulator<{ id: string; publicKey: string }>(simulatorUrl, "rules", { url, auth: "jwt" });
    await page.getByLabel("Gong public key").fill(rule.publicKey, { timeout: 10_000 });
    const saved = page.waitForResponse((response) => response.request().method() === "POST", { timeout: 10_000 });
    await page.getByRole("button", { name: "Save public key" }).click({ timeout: 10_000 });
    await saved;
    await simulator(simulatorUrl, `rules/${rule.id}/test`, {});
    await simulator(simulatorUrl, "calls", {
      title: "Acme <> Globex | Pricing follow-up",
      primaryUserEmail: "rep1@acme.test",
      participants: ["cfo@globex.example"],
      transcriptDelaySeconds: 0,
    });
  } catch (error) {
    console.warn(`webhook page photographed as it is (setting up a delivery failed: ${error instanceof Error ? error.message : String(error)})`);
  }
}
