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

/** GET /health: database reachability, registered function count and sync errors. */
export async function getHealth(pool: pg.Pool): Promise<{ status: string; database: string; functions: number; syncErrors: unknown[] }> {
  try {
    const status = await listFunctionsWithErrors(pool);
    return { status: "ok", database: "ok", functions: status.functions.length, syncErrors: status.syncErrors };
  } catch (error) {
    return { status: "error", database: error instanceof Error ? error.message : "unreachable", functions: 0, syncErrors: [] };
  }
}
