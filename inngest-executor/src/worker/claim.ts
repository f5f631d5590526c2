import { randomBytes } from "node:crypto";
import type pg from "pg";
import { withTransaction } from "../postgres/transaction.js";
import type { QueueKind } from "../runs/queue.js";

/** A leased item; `lease` is unique per claim, so a request from an earlier, expired claim can be told apart. */
export type QueueItem = { id: string; run_id: string; kind: QueueKind; step_id: string; attempt: number; lease: string };

type Candidate = Omit<QueueItem, "lease"> & { concurrency_keys: string[]; concurrency_limits: number[] };

/**
 * Leases up to `capacity` due items. Items whose concurrency key already has `limit` requests executing
 * (in any process) are skipped; the per-key advisory lock makes the count and the lease one atomic step.
 */
export async function claimItems(
  pool: pg.Pool,
  owner: string,
  capacity: number,
  leaseMs: number,
  inFlight: ReadonlySet<string>,
): Promise<QueueItem[]> {
  if (capacity <= 0) return [];
  return withTransaction(pool, async (client) => {
    // Items this process is still executing are never re-claimed here, even if a slow heartbeat let the lease lapse.
    const { rows } = await client.query<Candidate>(
      `SELECT id, run_id, kind, step_id, attempt, concurrency_keys, concurrency_limits FROM inngest_executor.queue
       WHERE available_at <= now() AND (locked_until IS NULL OR locked_until < now()) AND NOT (id = ANY($2::bigint[]))
       ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [Math.max(capacity * 4, 32), [...inFlight]],
    );
    const claimed: QueueItem[] = [];
    const saturated = new Set<string>();
    for (const candidate of rows) {
      if (claimed.length >= capacity) break;
      if (!(await hasConcurrencyRoom(client, candidate, saturated))) continue;
      const lease = `${owner}.${randomBytes(6).toString("hex")}`;
      await client.query(
        `UPDATE inngest_executor.queue SET locked_until = now() + $2 * interval '1 millisecond', lease_owner = $3, rerun = false
         WHERE id = $1`,
        [candidate.id, leaseMs, lease],
      );
      const { id, run_id, kind, step_id, attempt } = candidate;
      claimed.push({ id, run_id, kind, step_id, attempt, lease });
    }
    return claimed;
  });
}

async function hasConcurrencyRoom(client: pg.PoolClient, candidate: Candidate, saturated: Set<string>): Promise<boolean> {
  const keys = candidate.concurrency_keys.map((key, i) => ({ key, limit: candidate.concurrency_limits[i] ?? 1 }));
  for (const { key, limit } of keys.sort((a, b) => a.key.localeCompare(b.key))) {
    if (saturated.has(key)) return false;
    // try-lock: a key another process is counting right now is simply skipped this round (no deadlocks).
    const lock = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok", [key]);
    if (!lock.rows[0]?.ok) return false;
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inngest_executor.queue WHERE locked_until > now() AND $1 = ANY(concurrency_keys)`,
      [key],
    );
    if ((rows[0]?.n ?? 0) >= limit) {
      saturated.add(key);
      return false;
    }
  }
  return true;
}

/** Extends a lease while the app is still working on the request. */
export async function extendLease(pool: pg.Pool, itemId: string, lease: string, leaseMs: number): Promise<void> {
  await pool.query(
    `UPDATE inngest_executor.queue SET locked_until = now() + $3 * interval '1 millisecond' WHERE id = $1 AND lease_owner = $2`,
    [itemId, lease, leaseMs],
  );
}
