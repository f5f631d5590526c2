import type { IncomingMessage } from "node:http";
import type pg from "pg";
import { StepOpCode } from "inngest/types";
import { z } from "zod";
import { STATE_LIMIT_ERROR, describeOversizedEventRequest } from "../common/limits.js";
import { OversizedOutputError, checkResultSizes } from "../runs/check-result-sizes.js";
import { withTransaction } from "../postgres/transaction.js";
import { isAuthorized, isEventKey, type SigningKeys } from "../common/signing.js";
import { ingestEvents } from "../runs/ingest-events.js";
import { saveStepResult } from "../runs/queue.js";
import { inngestEventSchema, opSchema } from "../runs/types.js";
import { findConfiguredAppUrl } from "../sync/app-url.js";
import { registerFunctions } from "../sync/register-functions.js";
import { HttpError, parseJsonBody, readBody, readJson } from "./respond.js";

export type ApiContext = {
  pool: pg.Pool;
  /** The app URLs this executor syncs; an out-of-band sync for any other URL is refused. */
  appUrls: readonly string[];
  keys: SigningKeys;
  eventKey?: string;
  /** Bytes an event request may have (Inngest's event size limit). */
  maxEventBytes: number;
  /** A dev server: loopback clients may read runs and functions without the signing key. */
  dev: boolean;
  /**
   * After each event request: wakes the scheduler and, unless a run sent it, counts towards intake pressure. The SDK
   * sends a step.sendEvent's events with the headers of the executor's request it is serving, among them the
   * server kind the executor announced, echoed as x-inngest-expected-server-kind; a client's own send has none.
   */
  eventsIngested(source: { fromRun: boolean }): void;
  /** True until the configured apps were first synced: an event taken in before that could trigger nothing. */
  isStarting(): boolean;
};

const eventsBodySchema = z.union([inngestEventSchema, z.array(inngestEventSchema)]);

/** POST /e/:key: the event API. Answers `{ids, status}` as Inngest does, and 400 naming the limit to a request over it. */
export async function handleEvents(context: ApiContext, req: IncomingMessage, key: string): Promise<unknown> {
  if (!isEventKey(key, context.eventKey)) throw new HttpError(401, "event key not found");
  const body = await readBody(req);
  if (body.length > context.maxEventBytes) throw new HttpError(400, describeOversizedEventRequest(body.length, context.maxEventBytes));
  const parsed = eventsBodySchema.safeParse(parseJsonBody(body));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? "invalid events");
  const events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const ids = await withTransaction(context.pool, (client) => ingestEvents(client, events));
  context.eventsIngested({ fromRun: req.headers["x-inngest-expected-server-kind"] !== undefined });
  return { ids, status: 200 };
}

const registerBodySchema = z.object({ url: z.string().url(), functions: z.array(z.unknown()).default([]) }).passthrough();

/**
 * POST /fn/register: out-of-band sync, sent by the SDK when its endpoint receives a plain PUT. Only a configured
 * app URL is registered: the SDK builds the URL it reports from the PUT's Host header unless the app sets
 * `serveOrigin`, so a forged Host would otherwise move every function to a server of the sender's choosing (403,
 * logged). A rejected config answers 400 `{status, error}` as Inngest's dev server does; the SDK passes that status
 * and error on as the answer to the PUT. The valid functions are registered.
 */
export async function handleRegister(context: ApiContext, req: IncomingMessage): Promise<{ status: number; body: unknown }> {
  if (!isAuthorized(req.headers.authorization, context.keys)) throw new HttpError(401, "invalid signing key");
  const body = registerBodySchema.parse(await readJson(req));
  const appUrl = findConfiguredAppUrl(context.appUrls, body.url);
  if (!appUrl) {
    const configured = context.appUrls.length > 0 ? context.appUrls.join(", ") : "none";
    const error = `${body.url} is not an app URL this executor syncs (INNGEST_EXECUTOR_APP_URL: ${configured}); nothing was registered`;
    console.error(`[inngest-executor] refused an out-of-band sync: ${error}`);
    return { status: 403, body: { ok: false, status: 403, modified: false, error } };
  }
  const result = await registerFunctions(context.pool, appUrl, body.functions);
  if (result.errors.length === 0) return { status: 200, body: { ok: true, status: 200, modified: true } };
  const rejected = [...new Set(result.errors.map((error) => error.functionId))];
  const detail = rejected
    .map((id) => `${id} (${result.errors.filter((error) => error.functionId === id).map((error) => `${error.field}: ${error.message}`).join("; ")})`)
    .join(", ");
  const error = `the embedded executor rejected ${rejected.length} function(s): ${detail}; ${result.registered.length} registered`;
  return { status: 400, body: { ok: false, status: 400, modified: true, error, errors: result.errors } };
}

const checkpointBodySchema = z.object({ qi_id: z.string().optional(), steps: z.array(opSchema) });

// What async checkpointing sends in inngest@4.24.0: results of steps that ran. Anything else is refused, and
// the SDK then falls back to returning its buffered ops in the 206, where every op is applied or fails the attempt.
const CHECKPOINT_OPS = new Set<string>([StepOpCode.StepRun, StepOpCode.StepFailed]);

/** POST /v1/checkpoint/:runId/async: the SDK memoises steps mid-request; 409 tells it the run is over. */
export async function handleCheckpoint(context: ApiContext, req: IncomingMessage, runId: string): Promise<unknown> {
  if (!isAuthorized(req.headers.authorization, context.keys)) throw new HttpError(401, "invalid signing key");
  const body = checkpointBodySchema.parse(await readJson(req));
  const unsupported = body.steps.filter((step) => !CHECKPOINT_OPS.has(step.op));
  if (unsupported.length > 0) {
    const ops = unsupported.map((step) => `${step.op} (step ${step.id})`).join(", ");
    console.error(`[inngest-executor] run ${runId}: refused a checkpoint with unsupported ops ${ops}; the SDK answers them in its response instead`);
    throw new HttpError(400, `checkpoint ops not supported by the embedded executor: ${ops}`);
  }
  await withTransaction(context.pool, async (client) => {
    const { rows } = await client.query<{ status: string }>(
      "SELECT status FROM inngest_executor.runs WHERE id = $1 FOR UPDATE",
      [runId],
    );
    if (!rows[0] || !["queued", "running"].includes(rows[0].status)) throw new HttpError(409, "run is not running");
    // qi_id is "<queue item>/<lease>": only the request holding that lease may write, and only to its own run.
    // A request whose lease expired and was taken over is stale (409 stops the SDK).
    const [itemId, lease] = splitOnce(body.qi_id ?? "", "/");
    const current = await client.query(
      "SELECT 1 FROM inngest_executor.queue WHERE id::text = $1 AND lease_owner = $2 AND run_id = $3",
      [itemId, lease, runId],
    );
    if (current.rowCount !== 1) throw new HttpError(409, "stale request: its lease was taken over or belongs to another run");
    // Over Inngest's output or state limit: 413, as Inngest's checkpoint API answers; the SDK then returns the steps
    // in its 206, where the output fails the attempt and the state fails the run.
    const sizes = await checkResultSizes(client, runId, body.steps).catch((error: unknown) => {
      if (error instanceof OversizedOutputError) throw new HttpError(413, error.message);
      throw error;
    });
    if (sizes === "state-overflow") throw new HttpError(413, `run state size limit exceeded: ${STATE_LIMIT_ERROR.message}`);
    for (const step of body.steps) {
      if (step.op === StepOpCode.StepRun) await saveStepResult(client, runId, step.id, { data: step.data ?? null });
      if (step.op === StepOpCode.StepFailed) await saveStepResult(client, runId, step.id, { error: step.error });
    }
  });
  return {};
}

function splitOnce(value: string, separator: string): [string, string] {
  const index = value.indexOf(separator);
  return index === -1 ? [value, ""] : [value.slice(0, index), value.slice(index + 1)];
}
