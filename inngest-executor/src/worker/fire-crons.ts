import { internalEvents } from "inngest";
import type pg from "pg";
import { withTransaction } from "../postgres/transaction.js";
import { getNextCronTime } from "../common/cron.js";
import { createRun } from "../runs/create-run.js";
import { createUlid } from "../common/ulid.js";
import type { FunctionConfig } from "../sync/function-config.js";

type DueCron = { function_id: string; schedule: string; next_at: Date; config: FunctionConfig };

/**
 * Starts a run for every cron slot that is due. Moving `next_at` with `WHERE next_at = $old` is the claim:
 * of several executors only one wins each slot, and the run is created in the same transaction.
 */
export async function fireDueCrons(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<DueCron>(
    `SELECT c.function_id, c.schedule, c.next_at, f.config FROM inngest_executor.crons c
     JOIN inngest_executor.functions f ON f.id = c.function_id WHERE c.next_at <= now()`,
  );
  let fired = 0;
  for (const due of rows) {
    // Missed slots (executor down) are skipped, not replayed: the next slot is counted from now.
    const next = getNextCronTime(due.schedule, new Date(Math.max(Date.now(), due.next_at.getTime())));
    if (!next) continue;
    const won = await withTransaction(pool, async (client) => {
      const { rowCount } = await client.query(
        "UPDATE inngest_executor.crons SET next_at = $4 WHERE function_id = $1 AND schedule = $2 AND next_at = $3",
        [due.function_id, due.schedule, due.next_at, next],
      );
      if (rowCount !== 1) return false;
      const id = createUlid();
      const event = { name: internalEvents.ScheduledTimer, data: { cron: due.schedule }, id, ts: due.next_at.getTime() };
      await client.query("INSERT INTO inngest_executor.events (id, name, data, ts) VALUES ($1, $2, $3, $4)", [
        id,
        event.name,
        JSON.stringify(event.data),
        event.ts,
      ]);
      await createRun(client, due.config, event);
      return true;
    });
    if (won) fired++;
  }
  return fired;
}
