import type pg from "pg";

export type RunSummary = {
  id: string;
  functionId: string;
  status: string;
  attempts: number;
  stepCount: number;
  error: unknown;
  output: unknown;
  eventName: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
};

export type RunDetail = RunSummary & { event: unknown; steps: { id: string; result: unknown; at: string }[] };

type RunRow = {
  id: string;
  function_id: string;
  status: string;
  attempts: number;
  step_count: number;
  error: unknown;
  output: unknown;
  event: { name?: string };
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
};

const SELECT_RUNS = `SELECT r.id, r.function_id, r.status, r.attempts, r.error, r.output, r.event, r.created_at, r.started_at,
  r.ended_at, (SELECT count(*)::int FROM inngest_executor.run_steps s WHERE s.run_id = r.id) AS step_count
  FROM inngest_executor.runs r`;

/** Recent runs, newest first, optionally filtered by function and status. */
export async function listRuns(
  pool: pg.Pool,
  filter: { functionId?: string; status?: string; limit?: number },
): Promise<RunSummary[]> {
  const { rows } = await pool.query<RunRow>(
    `${SELECT_RUNS} WHERE ($1::text IS NULL OR r.function_id = $1) AND ($2::text IS NULL OR r.status = $2)
     ORDER BY r.created_at DESC, r.id DESC LIMIT $3`,
    [filter.functionId ?? null, filter.status ?? null, Math.min(filter.limit ?? 100, 1000)],
  );
  return rows.map(toSummary);
}

/** One run with its event and memoised steps. */
export async function getRun(pool: pg.Pool, runId: string): Promise<RunDetail | undefined> {
  const { rows } = await pool.query<RunRow>(`${SELECT_RUNS} WHERE r.id = $1`, [runId]);
  const row = rows[0];
  if (!row) return undefined;
  const steps = await pool.query<{ step_id: string; result: unknown; created_at: Date }>(
    "SELECT step_id, result, created_at FROM inngest_executor.run_steps WHERE run_id = $1 ORDER BY seq",
    [runId],
  );
  return {
    ...toSummary(row),
    event: row.event,
    steps: steps.rows.map((step) => ({ id: step.step_id, result: step.result, at: step.created_at.toISOString() })),
  };
}

function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    functionId: row.function_id,
    status: row.status,
    attempts: row.attempts,
    stepCount: row.step_count,
    error: row.error,
    output: row.output,
    eventName: row.event?.name ?? "",
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}
