import type { Queryable } from "../postgres/transaction.js";
import { evaluateKey, matchesExpression } from "../common/cel.js";
import { createUlid, ulidTime } from "../common/ulid.js";
import type { FunctionConfig } from "../sync/function-config.js";
import { addToBatches } from "./batches.js";
import { createRun } from "./create-run.js";
import { cancelRun } from "./finish-run.js";
import { enqueueDiscover, saveStepResult } from "./queue.js";
import type { IncomingEvent, InngestEvent } from "./types.js";

type PauseRow = { run_id: string; kind: string; step_id: string; expression: string | null; event_name: string; event: InngestEvent };

// The live waits and cancel listeners, with the event of the run they belong to.
const PAUSES_SELECT = `SELECT p.run_id, p.kind, p.step_id, p.expression, p.event_name, r.event
  FROM inngest_executor.pauses p JOIN inngest_executor.runs r ON r.id = p.run_id
  WHERE (p.expires_at IS NULL OR p.expires_at > now()) AND r.status IN ('queued', 'running')`;

/** The listeners of these runs (the ones this request started), in run order as resolvePauses wants them. */
async function readPauses(client: Queryable, runIds: string[]): Promise<PauseRow[]> {
  const { rows } = await client.query<PauseRow>(`${PAUSES_SELECT} AND p.run_id = ANY($1::text[]) ORDER BY p.run_id`, [runIds]);
  return rows;
}

/**
 * Records events and acts on them in the caller's transaction: starts triggered runs, resumes matching
 * waits and cancels matching runs. An event whose `id` was seen in the last 24 h (or earlier in the same request)
 * is acknowledged only. A few statements serve the whole request, however many events it carries.
 */
export async function ingestEvents(client: Queryable, incoming: IncomingEvent[]): Promise<string[]> {
  const internalIds = incoming.map(() => createUlid());
  // One arrival time for the request: an event sent without `ts` is as old as the others, and older than every run
  // this request starts, so it cancels none of them.
  const receivedAt = Date.now();
  const firstWithId = new Map<string, number>();
  incoming.forEach((raw, index) => {
    if (raw.id && !firstWithId.has(raw.id)) firstWithId.set(raw.id, index);
  });
  const events = incoming.map((raw, index): InngestEvent => ({ ...raw, name: raw.name, data: raw.data ?? {}, id: raw.id ?? internalIds[index]!, ts: raw.ts ?? receivedAt }));
  // A repeat of an id earlier in this request is never a candidate; the others are stored if their id is claimed.
  const candidates = incoming.flatMap((raw, index) => (raw.id && firstWithId.get(raw.id) !== index ? [] : [index]));
  const { claims, configs, pauses } = await storeEvents(client, candidates.map((index) => ({ internalId: internalIds[index]!, claim: incoming[index]!.id ?? null, event: events[index]! })));

  const ids = incoming.map((raw, index) => (raw.id ? claims.get(raw.id)?.internalId : undefined) ?? internalIds[index]!);
  // What this request stored: its events without an id, and those whose id it claimed.
  const fresh = candidates.filter((index) => !incoming[index]!.id || claims.get(incoming[index]!.id!)?.fresh).map((index) => events[index]!);
  if (fresh.length === 0) return ids;
  const { startedRuns, cancelEvents } = await startTriggeredRuns(client, configs, fresh);
  // The runs this request started listen too (to an event of it stamped later); read only when one could cancel them.
  const ownListeners = fresh.some((event) => cancelEvents.has(event.name)) ? await readPauses(client, startedRuns) : [];
  await resolvePauses(client, fresh, [...pauses, ...ownListeners]);
  return ids;
}

type Candidate = { internalId: string; claim: string | null; event: InngestEvent };

/**
 * One statement: claims the candidates' event ids for 24 hours, stores the events that need no claim or won theirs,
 * and reads the functions they may trigger and the waits and cancel listeners of existing runs they may resolve.
 * Per id, the internal id it stands for and whether this request claimed it (fresh) or it was seen before. Ids are
 * claimed sorted, so two requests sharing ids lock them in the same order.
 */
async function storeEvents(client: Queryable, candidates: Candidate[]) {
  const claimed = candidates.filter((candidate) => candidate.claim !== null).sort((a, b) => (a.claim! < b.claim! ? -1 : a.claim! > b.claim! ? 1 : 0));
  const { rows } = await client.query<{ claimed: { event_id: string; internal_id: string }[]; configs: FunctionConfig[]; pauses: PauseRow[] }>(
    `WITH claimed AS (
       INSERT INTO inngest_executor.event_ids (event_id, internal_id)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (event_id) DO UPDATE SET internal_id = excluded.internal_id, received_at = now()
         WHERE inngest_executor.event_ids.received_at < now() - interval '24 hours'
       RETURNING event_id, internal_id),
     stored AS (
       INSERT INTO inngest_executor.events (id, name, data, ts)
       SELECT e->>'id', e->>'name', e->'data', (e->>'ts')::bigint FROM jsonb_array_elements($3::jsonb) AS e
       WHERE e->>'claim' IS NULL OR EXISTS (SELECT 1 FROM claimed c WHERE c.event_id = e->>'claim' AND c.internal_id = e->>'id'))
     SELECT (SELECT coalesce(json_agg(claimed), '[]') FROM claimed) AS claimed,
            (SELECT coalesce(json_agg(config), '[]') FROM inngest_executor.functions) AS configs,
            (SELECT coalesce(json_agg(p ORDER BY p.run_id), '[]') FROM (${PAUSES_SELECT} AND p.event_name = ANY($4::text[])) p) AS pauses`,
    [
      claimed.map((candidate) => candidate.claim),
      claimed.map((candidate) => candidate.internalId),
      JSON.stringify(candidates.map(({ internalId, claim, event }) => ({ id: internalId, claim, name: event.name, data: event.data, ts: event.ts }))),
      [...new Set(candidates.map(({ event }) => event.name))],
    ],
  );
  const claims = new Map<string, { internalId: string; fresh: boolean }>();
  for (const row of rows[0]!.claimed) claims.set(row.event_id, { internalId: row.internal_id, fresh: true });
  const seen = claimed.map((candidate) => candidate.claim!).filter((eventId) => !claims.has(eventId));
  if (seen.length > 0) {
    const existing = await client.query<{ event_id: string; internal_id: string }>(
      "SELECT event_id, internal_id FROM inngest_executor.event_ids WHERE event_id = ANY($1::text[])",
      [seen],
    );
    for (const row of existing.rows) claims.set(row.event_id, { internalId: row.internal_id, fresh: false });
  }
  return { claims, configs: rows[0]!.configs, pauses: rows[0]!.pauses };
}

/**
 * Starts the runs the events trigger; returns the new runs and the event names their cancel listeners wait for.
 * Events for a batching function join its batches in one statement.
 */
async function startTriggeredRuns(client: Queryable, configs: FunctionConfig[], events: InngestEvent[]) {
  const startedRuns: string[] = [];
  const cancelEvents = new Set<string>();
  for (const config of configs) {
    const before = startedRuns.length;
    const batches = new Map<string, InngestEvent[]>();
    for (const event of events) {
      const triggered = config.triggers.some(
        (trigger) => "event" in trigger && matchesName(trigger.event, event.name) && matchesExpression(trigger.expression, { event }),
      );
      if (!triggered) continue;
      // An event the batch's `if` leaves out runs at once, on its own.
      if (config.batchEvents && matchesExpression(config.batchEvents.if, { event })) {
        const key = config.batchEvents.key ? evaluateKey(config.batchEvents.key, { event }) : "";
        const batch = batches.get(key) ?? [];
        batch.push(event);
        batches.set(key, batch);
        continue;
      }
      const runId = await createRun(client, config, event);
      if (runId) startedRuns.push(runId);
    }
    if (batches.size > 0) startedRuns.push(...(await addToBatches(client, config, batches)));
    if (startedRuns.length > before) for (const cancel of config.cancel ?? []) cancelEvents.add(cancel.event);
  }
  return { startedRuns: startedRuns.sort(), cancelEvents };
}

/** Resumes waits and cancels runs (see `mayCancel` for which runs an event may cancel). */
async function resolvePauses(client: Queryable, events: InngestEvent[], rows: PauseRow[]): Promise<void> {
  for (const event of events) {
    for (const pause of rows.filter((row) => row.event_name === event.name)) {
      if (pause.kind === "cancel" && !mayCancel(event, pause)) continue;
      if (!matchesExpression(pause.expression, { event: pause.event, async: event })) continue;
      if (pause.kind === "cancel") {
        await cancelRun(client, pause.run_id);
        continue;
      }
      const deleted = await client.query(
        "DELETE FROM inngest_executor.pauses WHERE run_id = $1 AND kind = 'wait' AND step_id = $2",
        [pause.run_id, pause.step_id],
      );
      if (deleted.rowCount !== 1) continue;
      if (await saveStepResult(client, pause.run_id, pause.step_id, { data: event })) {
        await client.query("DELETE FROM inngest_executor.queue WHERE run_id = $1 AND kind = 'wait-timeout' AND step_id = $2", [
          pause.run_id,
          pause.step_id,
        ]);
        await enqueueDiscover(client, pause.run_id);
      }
    }
  }
}

/**
 * As Inngest decides it, whatever the order of arrival: an event cancels a run only if it is stamped after the run
 * was started (its `ts` against the time in the run's id), and never the run it triggered itself.
 */
function mayCancel(event: InngestEvent, pause: PauseRow): boolean {
  return event.id !== pause.event.id && event.ts > ulidTime(pause.run_id);
}

function matchesName(pattern: string, name: string): boolean {
  if (!pattern.includes("*")) return pattern === name;
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return regex.test(name);
}
