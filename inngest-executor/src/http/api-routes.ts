import type { IncomingMessage } from "node:http";
import type pg from "pg";
import { z } from "zod";
import { withTransaction } from "../postgres/transaction.js";
import { isAuthorized } from "../common/signing.js";
import { ingestEvents } from "../runs/ingest-events.js";
import { saveStepResult } from "../runs/queue.js";
import { inngestEventSchema } from "../runs/types.js";
import { registerFunctions } from "../sync/register-functions.js";
import { HttpError, readJson } from "./respond.js";

export type ApiContext = { pool: pg.Pool; signingKey?: string; eventKey?: string; nudge(): void };

const eventsBodySchema = z.union([inngestEventSchema, z.array(inngestEventSchema)]);

/** POST /e/:key: the event API. Answers `{ids, status}` as Inngest does. */
export async function handleEvents(context: ApiContext, req: IncomingMessage, key: string): Promise<unknown> {
  if (context.eventKey && key !== context.eventKey) throw new HttpError(401, "event key not found");
  const parsed = eventsBodySchema.safeParse(await readJson(req));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? "invalid events");
  const events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const ids = await withTransaction(context.pool, (client) => ingestEvents(client, events));
  context.nudge();
  return { ids, status: 200 };
}

const registerBodySchema = z.object({ url: z.string().url(), functions: z.array(z.unknown()).default([]) }).passthrough();

/** POST /fn/register: out-of-band sync, sent by the SDK when its endpoint receives a plain PUT. */
export async function handleRegister(context: ApiContext, req: IncomingMessage): Promise<unknown> {
  if (!isAuthorized(req.headers.authorization, context.signingKey)) throw new HttpError(401, "invalid signing key");
  const body = registerBodySchema.parse(await readJson(req));
  const appUrl = new URL(body.url);
  appUrl.search = "";
  const result = await registerFunctions(context.pool, appUrl.toString(), body.functions);
  if (result.errors.length > 0) {
    const detail = result.errors.map((error) => `${error.functionId}: ${error.field}: ${error.message}`).join("; ");
    return { ok: false, modified: true, error: `unsupported function config: ${detail}` };
  }
  return { ok: true, modified: true };
}

const checkpointBodySchema = z.object({
  qi_id: z.string().optional(),
  steps: z.array(z.object({ id: z.string(), op: z.string(), data: z.unknown().optional(), error: z.unknown().optional() }).passthrough()),
});

/** POST /v1/checkpoint/:runId/async: the SDK memoises steps mid-request; 409 tells it the run is over. */
export async function handleCheckpoint(context: ApiContext, req: IncomingMessage, runId: string): Promise<unknown> {
  if (!isAuthorized(req.headers.authorization, context.signingKey)) throw new HttpError(401, "invalid signing key");
  const body = checkpointBodySchema.parse(await readJson(req));
  await withTransaction(context.pool, async (client) => {
    const { rows } = await client.query<{ status: string }>(
      "SELECT status FROM inngest_executor.runs WHERE id = $1 FOR UPDATE",
      [runId],
    );
    if (!rows[0] || !["queued", "running"].includes(rows[0].status)) throw new HttpError(409, "run is not running");
    // qi_id is "<queue item>/<lease>": a request whose lease expired and was taken over is stale (409 stops the SDK).
    const [itemId, lease] = splitOnce(body.qi_id ?? "", "/");
    const current = await client.query("SELECT 1 FROM inngest_executor.queue WHERE id::text = $1 AND lease_owner = $2", [itemId, lease]);
    if (current.rowCount !== 1) throw new HttpError(409, "stale request: its lease was taken over");
    for (const step of body.steps) {
      if (step.op === "StepRun") await saveStepResult(client, runId, step.id, { data: step.data ?? null });
      if (step.op === "StepFailed") await saveStepResult(client, runId, step.id, { error: step.error });
    }
  });
  return {};
}

function splitOnce(value: string, separator: string): [string, string] {
  const index = value.indexOf(separator);
  return index === -1 ? [value, ""] : [value.slice(0, index), value.slice(index + 1)];
}
