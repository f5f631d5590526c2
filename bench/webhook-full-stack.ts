import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { encryptSecret, parseEncryptionKey } from "../lib/crypto/encryption";
import { generateSecrets } from "../scripts/local-secrets";
import { startStack } from "../scripts/stack";
import { createTestDatabase } from "../test-support/test-database";

export type FullStackFigures = { calls: number; stored: number; webhookToTranscriptP50Ms: number | null; webhookToTranscriptP90Ms: number | null };

const tokensSchema = z.object({ access_token: z.string(), refresh_token: z.string(), expires_in: z.number(), scope: z.string(), api_base_url_for_customer: z.string() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The whole product (built Next app, executor, simulator answering at once): time from the simulator's new call
 * (which fires the rule) until that call's transcript is stored and so shown on its page. Needs `next build`.
 */
export async function measureWebhookToTranscript(root: string, calls: number): Promise<FullStackFigures | { skipped: string }> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return { skipped: "no .next build (run npx next build first)" };
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const secrets = generateSecrets();
  const database = await createTestDatabase();
  const stack = await startStack({
    root,
    appPort: port,
    databaseUrl: database.url,
    dataDir: mkdtempSync(path.join(tmpdir(), "callbridge-bench-")),
    embeddedDatabasePort: 0,
    secrets,
    simulatorPort: port + 1,
    executorPort: port + 2,
    extraEnv: { GONG_SIMULATOR_LOG: "none" },
    quiet: true,
  });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  pool.on("error", () => undefined);
  try {
    const control = async (route: string, body: unknown) => {
      const response = await fetch(`${stack.simulatorUrl}/__sim/${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`simulator ${route}: HTTP ${response.status}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const connectionId = await connectGong(pool, secrets.TOKEN_ENCRYPTION_KEY, tokensSchema.parse(await control("tokens", {})));
    const rule = await control("rules", { url: `${stack.appUrl}/api/webhooks/gong/${connectionId}`, auth: "jwt" });
    await pool.query("update gong_connections set webhook_auth = 'jwt', webhook_public_key = $1 where id = $2", [String(rule.publicKey), connectionId]);

    const timings: number[] = [];
    for (let index = 0; index < calls; index++) {
      const started = performance.now();
      const call = await control("calls", { title: `Bench call ${index}`, primaryUserEmail: "rep1@acme.test", transcriptDelaySeconds: 0 });
      const stored = await waitForTranscript(pool, String(call.id), 30_000);
      if (stored) timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const at = (q: number) => (timings.length ? Math.round(timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!) : null);
    return { calls, stored: timings.length, webhookToTranscriptP50Ms: at(0.5), webhookToTranscriptP90Ms: at(0.9) };
  } finally {
    await pool.end();
    await stack.stop();
    await database.drop();
  }
}

/** Stands in for the OAuth dance (covered by e2e): tokens minted by the simulator, stored as the callback would. */
async function connectGong(pool: pg.Pool, encryptionKeyText: string, tokens: z.infer<typeof tokensSchema>): Promise<string> {
  const key = parseEncryptionKey(encryptionKeyText);
  const organization = await pool.query<{ id: string }>("select id from organizations where name = 'Acme'");
  const result = await pool.query<{ id: string }>(
    `insert into gong_connections (organization_id, status, connected_at, granted_scopes, api_base_url, access_token_encrypted,
       refresh_token_encrypted, access_token_expires_at, sync_on_connect)
     values ($1, 'connected', now(), $2, $3, $4, $5, now() + make_interval(secs => $6), false) returning id`,
    [
      organization.rows[0]?.id,
      tokens.scope.split(" "),
      tokens.api_base_url_for_customer,
      await encryptSecret(tokens.access_token, key),
      await encryptSecret(tokens.refresh_token, key),
      tokens.expires_in,
    ],
  );
  return result.rows[0]!.id;
}

async function waitForTranscript(pool: pg.Pool, callGongId: string, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const result = await pool.query<{ count: number }>("select transcript_segment_count as count from calls where gong_id = $1", [callGongId]);
    if ((result.rows[0]?.count ?? 0) > 0) return true;
    await sleep(20);
  }
  return false;
}
