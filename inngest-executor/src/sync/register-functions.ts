import type pg from "pg";
import { withTransaction } from "../postgres/transaction.js";
import { getNextCronTime } from "../common/cron.js";
import { parseFunctionConfig, type FunctionConfig, type SyncError } from "./function-config.js";

export type RegisterResult = { registered: string[]; errors: SyncError[] };

/**
 * Replaces one app's functions with a freshly synced list. Functions with unsupported config are not registered;
 * their errors are stored so /health and /v1/functions show them. A function id another app URL already holds is
 * refused, never moved: a sync cannot redirect another app's runs (the executor calls each function at the URL it
 * was registered under).
 */
export async function registerFunctions(pool: pg.Pool, appUrl: string, rawFunctions: unknown[]): Promise<RegisterResult> {
  const configs: FunctionConfig[] = [];
  const errors: SyncError[] = [];
  for (const raw of rawFunctions) {
    const parsed = parseFunctionConfig(raw);
    if (parsed.config) configs.push(parsed.config);
    errors.push(...parsed.errors);
  }
  const registered: string[] = [];
  await withTransaction(pool, async (client) => {
    const ids = configs.map((config) => config.id);
    await client.query("DELETE FROM inngest_executor.functions WHERE app_url = $1 AND NOT (id = ANY($2))", [appUrl, ids]);
    await client.query("DELETE FROM inngest_executor.sync_errors WHERE app_url = $1", [appUrl]);
    for (const config of configs) {
      const { rows } = await client.query<{ app_url: string }>(
        `INSERT INTO inngest_executor.functions AS f (id, app_url, name, config) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, config = excluded.config, synced_at = now()
           WHERE f.app_url = excluded.app_url
         RETURNING app_url`,
        [config.id, appUrl, config.name ?? "", JSON.stringify(config)],
      );
      if (rows.length === 0) {
        const owner = await client.query<{ app_url: string }>("SELECT app_url FROM inngest_executor.functions WHERE id = $1", [config.id]);
        errors.push({
          functionId: config.id,
          field: "id",
          message: `already registered by ${owner.rows[0]?.app_url ?? "another app"}; the executor never moves a function to another app URL`,
        });
        continue;
      }
      registered.push(config.id);
      await syncCrons(client, config);
    }
    for (const error of errors) {
      await client.query(
        `INSERT INTO inngest_executor.sync_errors (app_url, function_id, field, message) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [appUrl, error.functionId, error.field, error.message],
      );
    }
    await client.query(
      "DELETE FROM inngest_executor.crons c WHERE NOT EXISTS (SELECT 1 FROM inngest_executor.functions f WHERE f.id = c.function_id)",
    );
  });
  for (const error of errors) {
    console.error(`[inngest-executor] function ${error.functionId} from ${appUrl} not registered: ${error.field}: ${error.message}`);
  }
  return { registered, errors };
}

async function syncCrons(client: pg.PoolClient, config: FunctionConfig): Promise<void> {
  const schedules = config.triggers.flatMap((trigger) => ("cron" in trigger ? [trigger.cron] : []));
  await client.query("DELETE FROM inngest_executor.crons WHERE function_id = $1 AND NOT (schedule = ANY($2))", [
    config.id,
    schedules,
  ]);
  for (const schedule of schedules) {
    const next = getNextCronTime(schedule, new Date());
    if (!next) continue;
    // An existing slot is kept so a re-sync (or a second executor syncing) never skips or repeats a slot.
    await client.query(
      `INSERT INTO inngest_executor.crons (function_id, schedule, next_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [config.id, schedule, next],
    );
  }
}
