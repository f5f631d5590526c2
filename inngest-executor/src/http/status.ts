import type pg from "pg";

export type FunctionsStatus = {
  functions: { id: string; name: string; appUrl: string; triggers: unknown; syncedAt: string }[];
  syncErrors: { appUrl: string; functionId: string; field: string; message: string }[];
};

/** Registered functions plus the configs that were rejected at sync, with the field at fault. */
export async function listFunctionsWithErrors(pool: pg.Pool): Promise<FunctionsStatus> {
  const functions = await pool.query<{ id: string; name: string; app_url: string; config: { triggers?: unknown }; synced_at: Date }>(
    "SELECT id, name, app_url, config, synced_at FROM inngest_executor.functions ORDER BY id",
  );
  const errors = await pool.query<{ app_url: string; function_id: string; field: string; message: string }>(
    "SELECT app_url, function_id, field, message FROM inngest_executor.sync_errors ORDER BY function_id, field",
  );
  return {
    functions: functions.rows.map((row) => ({
      id: row.id,
      name: row.name,
      appUrl: row.app_url,
      triggers: row.config.triggers ?? [],
      syncedAt: row.synced_at.toISOString(),
    })),
    syncErrors: errors.rows.map((row) => ({ appUrl: row.app_url, functionId: row.function_id, field: row.field, message: row.message })),
  };
}

export type Health = {
  status: "starting" | "ok" | "degraded" | "error";
  database: string;
  functions: number;
  rejectedFunctions: string[];
  syncErrors: FunctionsStatus["syncErrors"];
};

/**
 * GET /health. "starting" (503) until the configured apps were first synced, so a launcher that waits for a
 * healthy executor sends no event its functions would miss. "degraded" (still 200) when an app's functions were rejected at sync: the executor is up and
 * runs everything else, and restarting it cannot fix an app's config, so probes should not treat it as down;
 * the status and the names make the rejection visible. "error" (503) when the database is unreachable.
 */
export async function getHealth(pool: pg.Pool, starting = false): Promise<Health> {
  try {
    const { functions, syncErrors } = await listFunctionsWithErrors(pool);
    const rejectedFunctions = [...new Set(syncErrors.map((error) => error.functionId))];
    const status = starting ? "starting" : rejectedFunctions.length > 0 ? "degraded" : "ok";
    return { status, database: "ok", functions: functions.length, rejectedFunctions, syncErrors };
  } catch (error) {
    const database = error instanceof Error ? error.message : "unreachable";
    return { status: "error", database, functions: 0, rejectedFunctions: [], syncErrors: [] };
  }
}
