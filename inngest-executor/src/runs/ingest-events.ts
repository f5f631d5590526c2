import type { Queryable } from "../postgres/transaction.js";
import { matchesExpression } from "../common/cel.js";
import { createUlid } from "../common/ulid.js";
import type { FunctionConfig } from "../sync/function-config.js";
import { createRun } from "./create-run.js";
import { cancelRun } from "./finish-run.js";
import { enqueueDiscover, saveStepResult } from "./queue.js";
import type { IncomingEvent, InngestEvent } from "./types.js";

type PauseRow = { run_id: string; kind: string; step_id: string; expression: string | null; event: InngestEvent };

/**
 * Records events and acts on them in the caller's transaction: starts triggered runs, resumes matching
 * waits and cancels matching runs. An event whose `id` was seen in the last 24 h is acknowledged only.
 */
export async function ingestEvents(client: Queryable, incoming: IncomingEvent[]): Promise<string[]> {
  const ids: string[] = [];
  const fresh: InngestEvent[] = [];
  for (const raw of incoming) {
    const internalId = createUlid();
    if (raw.id) {
      const { rows } = await client.query<{ internal_id: string }>(
        `INSERT INTO inngest_executor.event_ids (event_id, internal_id) VALUES ($1, $2)
         ON CONFLICT (event_id) DO UPDATE SET internal_id = excluded.internal_id, received_at = now()
           WHERE inngest_executor.event_ids.received_at < now() - interval '24 hours'
         RETURNING internal_id`,
        [raw.id, internalId],
      );
      if (rows.length === 0) {
        const existing = await client.query<{ internal_id: string }>(
          "SELECT internal_id FROM inngest_executor.event_ids WHERE event_id = $1",
          [raw.id],
        );
        ids.push(existing.rows[0]?.internal_id ?? internalId);
        continue;
      }
    }
    const event: InngestEvent = { ...raw, name: raw.name, data: raw.data ?? {}, id: raw.id ?? internalId, ts: raw.ts ?? Date.now() };
    await client.query("INSERT INTO inngest_executor.events (id, name, data, ts) VALUES ($1, $2, $3, $4)", [
      internalId,
      event.name,
      JSON.stringify(event.data),
      event.ts,
    ]);
    ids.push(internalId);
    fresh.push(event);
  }
  if (fresh.length > 0) {
    const startedBy = await startTriggeredRuns(client, fresh);
    await resolvePauses(client, fresh, startedBy);
  }
  return ids;
}

/** Starts the runs the events trigger; returns, per new run, the index of the event that started it. */
async function startTriggeredRuns(client: Queryable, events: InngestEvent[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ config: FunctionConfig }>("SELECT config FROM inngest_executor.functions");
  const startedBy = new Map<string, number>();
  for (const [index, event] of events.entries()) {
    for (const { config } of rows) {
      const triggered = config.triggers.some(
        (trigger) => "event" in trigger && matchesName(trigger.event, event.name) && matchesExpression(trigger.expression, { event }),
      );
      const runId = triggered ? await createRun(client, config, event) : undefined;
      if (runId) startedBy.set(runId, index);
    }
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
