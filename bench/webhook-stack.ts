import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { encryptSecret, parseEncryptionKey } from "../lib/crypto/encryption";
import { freePort } from "../scripts/child-processes";
import { generateSecrets } from "../scripts/local-secrets";
import { type Stack, startStack } from "../scripts/stack";
import { createTestDatabase } from "../test-support/test-database";

export type BenchStack = {
  stack: Stack;
  pool: pg.Pool;
  /** POST to the simulator's control API (`/__sim/<route>`). */
  control(route: string, body?: unknown): Promise<Record<string, unknown>>;
  /** A new organization connected to the simulator with freshly minted tokens and the given webhook key. */
  connectOrganization(name: string, webhookPublicKey: string | null): Promise<string>;
  /** The stack's TOKEN_ENCRYPTION_KEY, for rows a benchmark stores as the app would. */
  encryptionKey: Uint8Array;
  stop(): Promise<void>;
};

const tokensSchema = z.object({ access_token: z.string(), refresh_token: z.string(), expires_in: z.number(), scope: z.string(), api_base_url_for_customer: z.string() });

/**
 * The whole product as `npm run demo` runs it: the built Next app (the app server, and a `next start` serving the
 * executor's steps), the Inngest executor and the Gong simulator as child processes, on a fresh database on DATABASE_URL's server. Needs `next build`.
 */
export async function startBenchStack(root: string, options: { extraEnv?: Record<string, string>; onUnexpectedExit?: (name: string, code: number | null) => void } = {}): Promise<BenchStack | { skipped: string }> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return { skipped: "no .next build (run npx next build first)" };
  const secrets = generateSecrets();
  const database = await createTestDatabase();
  const stack = await startStack({
    root,
    appPort: await freePort(),
    databaseUrl: database.url,
    dataDir: mkdtempSync(path.join(tmpdir(), "callbridge-bench-")),
    embeddedDatabasePort: 0,
    secrets,
    simulatorPort: await freePort(),
    executorPort: await freePort(),
    workerPort: await freePort(),
    extraEnv: { GONG_SIMULATOR_LOG: "none", ...options.extraEnv },
    quiet: true,
    onUnexpectedExit: options.onUnexpectedExit,
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  pool.on("error", () => undefined); // dropping the database at the end terminates idle clients
  const encryptionKey = parseEncryptionKey(secrets.TOKEN_ENCRYPTION_KEY);

  const control = async (route: string, body: unknown = {}) => {
    const response = await fetch(`${stack.simulatorUrl}/__sim/${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`simulator ${route}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };

  // Stands in for the OAuth dance (covered by e2e): tokens minted by the simulator, stored as the callback would.
  // No auto-sync, so the 15-minute scheduler never pulls the whole simulator into a bench organization.
  const connectOrganization = async (name: string, webhookPublicKey: string | null) => {
    const tokens = tokensSchema.parse(await control("tokens"));
    const organization = await pool.query<{ id: string }>("insert into organizations (name) values ($1) returning id", [name]);
    const result = await pool.query<{ id: string }>(
      `insert into gong_connections (organization_id, status, connected_at, granted_scopes, api_base_url, access_token_encrypted,
         refresh_token_encrypted, access_token_expires_at, sync_on_connect, auto_sync_interval_hours, webhook_auth, webhook_public_key)
       values ($1, 'connected', now(), $2, $3, $4, $5, now() + make_interval(secs => $6), false, null, 'jwt', $7) returning id`,
      [
        organization.rows[0]!.id,
        tokens.scope.split(" "),
        tokens.api_base_url_for_customer,
        await encryptSecret(tokens.access_token, encryptionKey),
        await encryptSecret(tokens.refresh_token, encryptionKey),
        tokens.expires_in,
        webhookPublicKey,
      ],
    );
    return result.rows[0]!.id;
  };

  const stop = async () => {
    await pool.end();
    await stack.stop();
    await database.drop();
  };
  return { stack, pool, control, connectOrganization, encryptionKey, stop };
}
