import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { buildIfStale } from "./build-state";
import { chooseDemoListenHost } from "./listen-host";
import { loadOrCreateSecrets } from "./local-secrets";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed-demo";
import { startStack } from "./stack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Ctrl-C while starting stops what has started; after start-up it stops the running stack.
const startup = new AbortController();

// A variable set but empty counts as unset, as lib/env.ts would otherwise refuse it.
const userSetting = z
  .string()
  .optional()
  .transform((value) => value || undefined);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).optional(),
  EMBEDDED_DATABASE_PORT: z.coerce.number().int().min(0).max(65535).default(54329),
  CALLBRIDGE_DATA_DIR: z.string().default(path.join(root, ".data")),
  GONG_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  INNGEST_EXECUTOR_PORT: z.coerce.number().int().min(1).max(65535).default(8288),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  GONG_CLIENT_ID: z.string().optional(),
  INNGEST_BASE_URL: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  AUTH_SECRET: userSetting,
  TOKEN_ENCRYPTION_KEY: userSetting,
  APP_URL: userSetting,
  HOSTNAME: userSetting,
});

async function main() {
  const env = envSchema.parse(process.env);
  if (!buildIfStale(root)) process.exit(1);

  let stopRunning: (() => Promise<void>) | null = null;
  let shuttingDown = false;
  async function shutdown(code: number) {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log("\nStopping Callbridge…");
    if (!stopRunning) return startup.abort();
    await stopRunning();
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // The user's own secrets win; the generated ones are only defaults (README, Configuration).
  const generated = loadOrCreateSecrets(env.CALLBRIDGE_DATA_DIR);
  // The demo prints a published password: it serves this machine only, unless HOSTNAME says otherwise.
  const listenHost = chooseDemoListenHost(env.HOSTNAME);
  const stack = await startStack({
    root,
    appPort: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.CALLBRIDGE_DATA_DIR,
    embeddedDatabasePort: env.EMBEDDED_DATABASE_PORT,
    secrets: {
      ...generated,
      AUTH_SECRET: env.AUTH_SECRET ?? generated.AUTH_SECRET,
      TOKEN_ENCRYPTION_KEY: env.TOKEN_ENCRYPTION_KEY ?? generated.TOKEN_ENCRYPTION_KEY,
    },
    publicUrl: env.APP_URL,
    // The demo's outbound webhooks go to receivers on this machine (loopback); Settings → Outbound says so.
    extraEnv: { OUTBOUND_ALLOW_PRIVATE_TARGETS: "1" },
    // Real Gong or real Inngest, when configured, replace the simulator or the embedded executor.
    simulatorPort: env.GONG_CLIENT_ID ? null : env.GONG_SIMULATOR_PORT,
    executorPort: env.INNGEST_BASE_URL || env.INNGEST_SIGNING_KEY || env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? null : env.INNGEST_EXECUTOR_PORT,
    workerPort: env.WORKER_PORT || null,
    listenHost,
    signal: startup.signal,
    onUnexpectedExit: (name, code) => {
      console.error(`${name} exited unexpectedly (code ${code}); stopping Callbridge.`);
      void shutdown(1);
    },
  });
  stopRunning = stack.stop;

  console.log(`\nCallbridge is running at ${stack.appUrl}${env.APP_URL ? ` (APP_URL ${env.APP_URL})` : ""}, listening on ${listenHost}`);
  console.log(`Database: ${env.DATABASE_URL ? "DATABASE_URL" : `embedded PostgreSQL at ${stack.databaseUrl} (files in ${path.join(env.CALLBRIDGE_DATA_DIR, "postgres")})`}`);
  if (stack.simulatorUrl) console.log(`Gong simulator: ${stack.simulatorUrl} (control API under /__sim)`);
  if (stack.executorUrl) console.log(`Inngest executor: ${stack.executorUrl} (runs at /)`);
  if (stack.workerUrl) console.log(`Worker: ${stack.workerUrl} (the app serving the executor's steps, at lower CPU priority)`);
  console.log("Press Ctrl-C to stop.\n");
  console.log("Sign in with (password for all: %s):", DEMO_PASSWORD);
  for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(18)} ${user.role}`);
}

main().catch((error: unknown) => {
  if (startup.signal.aborted) process.exit(0);
  // Start-up failures are expected ones (a busy port, a child that would not start): say what, not where.
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  console.error(`Callbridge could not start: ${message}${cause}`);
  process.exit(1);
});
