import { request } from "node:http";
import pg from "pg";
import { hashSigningKey } from "../src/common/signing.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";
import { startExecutor, type Executor, type ExecutorOptions } from "../src/index.js";
import { createSigningKey, startContractApp, type ContractApp, type FunctionSet } from "./contract-app.js";

export const TEST_EXECUTOR_OPTIONS = { port: 0, backoffScale: 0.001, pollMs: 20, leaseMs: 5_000, syncIntervalMs: 300, workers: 8 };

export type RunRow = { id: string; function_id: string; status: string; attempts: number; output: unknown; error: { message?: string } | null };

/** An event as a test sends it through the app's client; `ts` defaults to the time of sending. */
export type SentEvent = { name: string; data?: Record<string, unknown>; id?: string; ts?: number };

export type Stack = {
  db: TestDatabase;
  app: ContractApp;
  executor: Executor;
  pool: pg.Pool;
  signingKey: string;
  eventKey: string;
  /** A request to the executor's API with the signing key, as Inngest's API is called. */
  api(path: string, init?: RequestInit): Promise<Response>;
  send(events: SentEvent | SentEvent[]): Promise<string[]>;
  startExecutor(overrides?: Partial<ExecutorOptions>): Promise<Executor>;
  stop(): Promise<void>;
};

/** A fresh database, the contract app and an executor pointed at each other. */
export async function startStack(functions: FunctionSet = "contract"): Promise<Stack> {
  const db = await createTestDatabase();
  const signingKey = createSigningKey();
  const eventKey = `event-key-${Date.now()}`;
  const app = await startContractApp({ signingKey, eventKey, functions });
  const extra: Executor[] = [];
  const launch = (overrides: Partial<ExecutorOptions> = {}) =>
    startExecutor({ ...TEST_EXECUTOR_OPTIONS, databaseUrl: db.url, appUrls: [app.url], signingKey, eventKey, ...overrides });
  const executor = await launch();
  app.target.url = executor.url;
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  return {
    db,
    app,
    executor,
    pool,
    signingKey,
    eventKey,
    api: (path, init) => callApi(executor.url, signingKey, path, init),
    async send(events) {
      const { ids } = await app.client.send(events as never);
      return ids;
    },
    async startExecutor(overrides) {
      const started = await launch(overrides);
      extra.push(started);
      return started;
    },
    async stop() {
      await Promise.all([executor, ...extra].map((one) => one.stop({ graceMs: 500 })));
      await pool.end();
      await app.close();
      await db.drop();
    },
  };
}

/** A request to an executor's API carrying `Authorization: Bearer <hashed signing key>`, as the SDK sends it. */
export function callApi(executorUrl: string, signingKey: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${hashSigningKey(signingKey)}`);
  return fetch(`${executorUrl}${path}`, { ...init, headers });
}

/**
 * A PUT with a Host header of the caller's choosing, as curl sends it (fetch always sends the URL's own host):
 * an out-of-band sync request as an attacker would forge it. Resolves with the status and body text.
 */
export function putWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "PUT", headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The runs of one function whose triggering event carries `data.tag = tag`. */
export async function findRuns(pool: pg.Pool, functionId: string, tag?: string): Promise<RunRow[]> {
  const { rows } = await pool.query<RunRow>(
    `SELECT id, function_id, status, attempts, output, error FROM inngest_executor.runs
     WHERE function_id = $1 AND ($2::text IS NULL OR event->'data'->>'tag' = $2) ORDER BY id`,
    [`contract-app-${functionId}`, tag ?? null],
  );
  return rows;
}

/** Waits until every run of the function (with that tag) has ended, and at least `count` exist. */
export function waitForEndedRuns(pool: pg.Pool, functionId: string, tag: string | undefined, count = 1): Promise<RunRow[]> {
  return waitFor(
    async () => {
      const runs = await findRuns(pool, functionId, tag);
      return runs.length >= count && runs.every((run) => ["completed", "failed", "cancelled"].includes(run.status)) && runs;
    },
    25_000,
    `${count} ended run(s) of ${functionId}${tag ? ` tagged ${tag}` : ""}`,
  );
}
