import { randomBytes } from "node:crypto";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Kysely, sql } from "kysely";
import type { Database, SyncRun, SyncRunKind } from "../db/schema";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "../gong-simulator/src/index";
import { type Executor, startExecutor } from "../inngest-executor/src/index";
import { freePort } from "../scripts/child-processes";
import { answerGongConsent } from "./gong-consent";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "./migrated-database";

export type ExecutorLaunchOptions = {
  databaseUrl: string;
  port: number;
  appUrls: string[];
  signingKey: string;
  eventKey: string;
  backoffScale: number;
  pollMs: number;
};

export type SyncStack = {
  db: Kysely<Database>;
  simulator: Pick<RunningSimulator, "url" | "close">;
  executor: Executor;
  /** The signing key the app and the executor share (the executor's read API wants it). */
  signingKey: string;
  organizationId: string;
  adminId: string;
  /** Connects the organization to the simulator through the real OAuth code path; returns the connection id. */
  connect(options?: { scopes?: readonly string[] }): Promise<string>;
  /** Creates a sync run of `kind` and sends `gong/calls.sync-requested` for it, as the app does; returns the run id. */
  startSync(connectionId: string, kind: SyncRunKind, extra?: Record<string, unknown>): Promise<string>;
  waitForRun(runId: string, timeoutMs?: number): Promise<SyncRun>;
  restartExecutor(): Promise<void>;
  /** Makes the executor fire a cron function once, now, and not again on its own schedule. */
  fireCron(functionSlug: string): Promise<void>;
  simulatorControl(path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
};


/**
 * The sync path for real, in one process: a fresh database, the Gong simulator, Callbridge's Inngest functions
 * served by the real `serve()` on a loopback port, and the embedded executor driving them over HTTP.
 * Environment variables are set before the app modules load, as the app would see them.
 */
export async function startSyncStack(
  options: {
    simulator?: SimulatorOptions;
    /** A simulator already running elsewhere (a benchmark's own process), used instead of one in this process. */
    externalSimulator?: Pick<RunningSimulator, "url" | "close">;
    /** Starts the executor some other way (a benchmark's child process); by default it runs in this process. */
    launchExecutor?: (options: ExecutorLaunchOptions) => Promise<Executor>;
    env?: Record<string, string>;
  } = {},
): Promise<SyncStack> {
  const database: MigratedTestDatabase = await createMigratedTestDatabase();
  const simulator = options.externalSimulator ?? (await startSimulator({ rateLimit: 1000, ...options.simulator }));
  const executorPort = await freePort();
  const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
  const eventKey = randomBytes(16).toString("hex");
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
    GONG_CLIENT_ID: "callbridge-demo",
    GONG_CLIENT_SECRET: "callbridge-demo-secret",
    GONG_OAUTH_BASE_URL: simulator.url,
    GONG_ALLOWED_API_BASE_URLS: simulator.url,
    APP_URL: "http://localhost:3999",
    INNGEST_BASE_URL: `http://127.0.0.1:${executorPort}`,
    INNGEST_SIGNING_KEY: signingKey,
    INNGEST_EVENT_KEY: eventKey,
    LATE_TRANSCRIPT_FIRST_WAIT_SECONDS: "1",
    // One page a run, so every sync test that pages a workspace crosses the hand-over from run to run.
    SYNC_PAGES_PER_RUN: "1",
    ...options.env,
  });
  const [{ serve }, { inngest }, { functions }] = await Promise.all([
    import("inngest/node"),
    import("../inngest/client"),
    import("../inngest"),
  ]);
  const app: Server = createServer(serve({ client: inngest, functions }));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  const executorOptions: ExecutorLaunchOptions = { databaseUrl: database.url, port: executorPort, appUrls: [appUrl], signingKey, eventKey, backoffScale: 0.01, pollMs: 25 };
  const launchExecutor = options.launchExecutor ?? startExecutor;
  let executor = await launchExecutor(executorOptions);

  const organization = await database.db.insertInto("organizations").values({ name: "Acme" }).returning("id").executeTakeFirstOrThrow();
  const admin = await database.db
    .insertInto("users")
    .values({ organization_id: organization.id, email: "admin@acme.test", name: "Ada Admin", role: "admin", password_hash: "unused" })
    .returning("id")
    .executeTakeFirstOrThrow();

  const stack: SyncStack = {
    db: database.db,
    simulator,
    get executor() {
      return executor;
    },
    signingKey,
    organizationId: organization.id,
    adminId: admin.id,
    async connect(connectOptions = {}) {
      const { getGongAppConfig } = await import("../lib/gong-connection/config");
      const { startGongOAuth } = await import("../lib/gong-connection/start-gong-oauth");
      const { completeGongOAuth } = await import("../lib/gong-connection/complete-gong-oauth");
      const config = getGongAppConfig();
      const authorizeUrl = await startGongOAuth(database.db, config, { organizationId: organization.id, userId: admin.id, gongAccountEmail: null });
      const callback = await answerGongConsent(authorizeUrl, { scopes: connectOptions.scopes });
      const connection = await completeGongOAuth(database.db, config, {
        state: callback.searchParams.get("state") ?? undefined,
        code: callback.searchParams.get("code") ?? undefined,
        sessionUserId: admin.id,
      });
      return connection.id;
    },
    async startSync(connectionId, kind, extra = {}) {
      const { createSyncRun } = await import("../db/queries/sync-runs");
      const { gongCallsSyncRequested } = await import("../inngest/events");
      const runId = await createSyncRun(database.db, { organizationId: organization.id, connectionId, kind });
      await inngest.send(gongCallsSyncRequested.create({ connectionId, runId, ...extra }));
      return runId;
    },
    async waitForRun(runId, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await database.db.selectFrom("sync_runs").selectAll().where("id", "=", runId).executeTakeFirst();
        if (run && ["succeeded", "failed", "cancelled"].includes(run.status)) return run;
        if (Date.now() > deadline) throw new Error(`sync run ${runId} still ${run?.status ?? "missing"} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async restartExecutor() {
      await executor.stop({ graceMs: 0 });
      executor = await launchExecutor(executorOptions);
    },
    async fireCron(functionSlug) {
      const pattern = `%${functionSlug}`;
      const slot = new Date(Math.floor(Date.now() / 1000) * 1000);
      const scheduled = await sql`update inngest_executor.crons set next_at = ${slot} where function_id like ${pattern}`.execute(database.db);
      if (!scheduled.numAffectedRows) throw new Error(`fireCron: no cron function matches ${functionSlug}`);
      for (let waited = 0; ; waited += 50) {
        const { rows } = await sql<{ next_at: Date }>`select next_at from inngest_executor.crons where function_id like ${pattern}`.execute(database.db);
        if (rows.every((row) => row.next_at.getTime() !== slot.getTime())) break;
        if (waited >= 10_000) throw new Error(`fireCron: the executor did not fire ${functionSlug} within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Fired once: the real schedule must not fire again in the middle of a test.
      await sql`update inngest_executor.crons set next_at = now() + interval '1 day' where function_id like ${pattern}`.execute(database.db);
    },
    async simulatorControl(path, body) {
      const response = await fetch(`${simulator.url}/__sim/${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    },
    async stop() {
      await executor.stop({ graceMs: 1_000 });
      const { db } = await import("../db");
      await db.destroy();
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
      await simulator.close();
      await database.drop();
    },
  };
  return stack;
}
