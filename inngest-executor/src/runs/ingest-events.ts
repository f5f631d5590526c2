import type { Queryable } from "../postgres/transaction.js";
import { evaluateKey, matchesExpression } from "../common/cel.js";
import { createUlid } from "../common/ulid.js";
import type { FunctionConfig } from "../sync/function-config.js";
import { addToBatches } from "./batches.js";
import { createRun } from "./create-run.js";
import { cancelRun } from "./finish-run.js";
import { enqueueDiscover, saveStepResult } from "./queue.js";
import type { IncomingEvent, InngestEvent } from "./types.js";

type PauseRow = { run_id: string; kind: string; step_id: string; expression: string | null; event: InngestEvent };

/**
 * Records events and acts on them in the caller's transaction: starts triggered runs, resumes matching
 * waits and cancels matching runs. An event whose `id` was seen in the last 24 h (or earlier in the same request)
 * is acknowledged only. A few statements serve the whole request, however many events it carries.
 */
export async function ingestEvents(client: Queryable, incoming: IncomingEvent[]): Promise<string[]> {
  const internalIds = incoming.map(() => createUlid());
  const firstWithId = new Map<string, number>();
  incoming.forEach((raw, index) => {
    if (raw.id && !firstWithId.has(raw.id)) firstWithId.set(raw.id, index);
  });
  const claims = await claimEventIds(client, [...firstWithId].map(([eventId, index]) => ({ eventId, internalId: internalIds[index]! })));

  const ids: string[] = [];
  const fresh: { internalId: string; event: InngestEvent }[] = [];
  incoming.forEach((raw, index) => {
    const internalId = internalIds[index]!;
    if (raw.id) {
      const claim = claims.get(raw.id) ?? { internalId, fresh: false };
      ids.push(claim.internalId);
      if (!claim.fresh || firstWithId.get(raw.id) !== index) return;
    } else {
      ids.push(internalId);
    }
    fresh.push({ internalId, event: { ...raw, name: raw.name, data: raw.data ?? {}, id: raw.id ?? internalId, ts: raw.ts ?? Date.now() } });
  });
  if (fresh.length === 0) return ids;
  await client.query(
    `INSERT INTO inngest_executor.events (id, name, data, ts)
     SELECT e->>'id', e->>'name', e->'data', (e->>'ts')::bigint FROM jsonb_array_elements($1::jsonb) AS e`,
    [JSON.stringify(fresh.map(({ internalId, event }) => ({ id: internalId, name: event.name, data: event.data, ts: event.ts })))],
  );
  const events = fresh.map((entry) => entry.event);
  const startedBy = await startTriggeredRuns(client, events);
  await resolvePauses(client, events, startedBy);
  return ids;
}

/**
 * Claims event ids for 24 hours in one statement; per id, the internal id it stands for and whether this request
 * claimed it (fresh) or it was seen before. Sorted, so two requests sharing ids lock them in the same order.
 */
async function claimEventIds(client: Queryable, entries: { eventId: string; internalId: string }[]) {
  const claims = new Map<string, { internalId: string; fresh: boolean }>();
  if (entries.length === 0) return claims;
  const sorted = [...entries].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  const { rows } = await client.query<{ event_id: string; internal_id: string }>(
    `INSERT INTO inngest_executor.event_ids (event_id, internal_id)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (event_id) DO UPDATE SET internal_id = excluded.internal_id, received_at = now()
       WHERE inngest_executor.event_ids.received_at < now() - interval '24 hours'
     RETURNING event_id, internal_id`,
    [sorted.map((entry) => entry.eventId), sorted.map((entry) => entry.internalId)],
  );
  for (const row of rows) claims.set(row.event_id, { internalId: row.internal_id, fresh: true });
  const seen = entries.map((entry) => entry.eventId).filter((eventId) => !claims.has(eventId));
  if (seen.length > 0) {
    const existing = await client.query<{ event_id: string; internal_id: string }>(
      "SELECT event_id, internal_id FROM inngest_executor.event_ids WHERE event_id = ANY($1::text[])",
      [seen],
    );
    for (const row of existing.rows) claims.set(row.event_id, { internalId: row.internal_id, fresh: false });
  }
  return claims;
}

/**
 * Starts the runs the events trigger; returns, per new run, the index of the event that started it. Events for a
 * batching function join its batches in one statement; a run from a batch counts as started by the last event
 * of the request that went into a batch, so no event of the request cancels it.
 */
async function startTriggeredRuns(client: Queryable, events: InngestEvent[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ config: FunctionConfig }>("SELECT config FROM inngest_executor.functions");
  const startedBy = new Map<string, number>();
  for (const { config } of rows) {
    const batches = new Map<string, InngestEvent[]>();
    let lastBatched = -1;
    for (const [index, event] of events.entries()) {
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
        lastBatched = index;
        continue;
      }
      const runId = await createRun(client, config, event);
      if (runId) startedBy.set(runId, index);
    }
    if (batches.size === 0) continue;
    for (const runId of await addToBatches(client, config, batches)) startedBy.set(runId, lastBatched);
  }
  return startedBy;
}

/**
 * Resumes waits and cancels runs. As on Inngest, an event acts only on runs that existed before it: a run's
 * own trigger (or an earlier event of the same batch) never cancels it, since its cancel listeners are
 * registered after the event that started it.
 */
async function resolvePauses(client: Queryable, events: InngestEvent[], startedBy: Map<string, number>): Promise<void> {
  const { rows } = await client.query<PauseRow & { event_name: string }>(
    `SELECT p.run_id, p.kind, p.step_id, p.expression, p.event_name, r.event
     FROM inngest_executor.pauses p JOIN inngest_executor.runs r ON r.id = p.run_id
     WHERE p.event_name = ANY($1) AND (p.expires_at IS NULL OR p.expires_at > now())
       AND r.status IN ('queued', 'running')
     ORDER BY p.run_id`,
    [events.map((event) => event.name)],
  );
  for (const [index, event] of events.entries()) {
    for (const pause of rows.filter((row) => row.event_name === event.name)) {
      if ((startedBy.get(pause.run_id) ?? -1) >= index) continue;
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

function matchesName(pattern: string, name: string): boolean {
  if (!pattern.includes("*")) return pattern === name;
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return regex.test(name);
}
