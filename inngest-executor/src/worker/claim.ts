import { randomBytes } from "node:crypto";
import type pg from "pg";
import { withTransaction } from "../postgres/transaction.js";
import type { QueueKind } from "../runs/queue.js";

/** A leased item; `lease` is unique per claim, so a request from an earlier, expired claim can be told apart. */
export type QueueItem = { id: string; run_id: string; kind: QueueKind; step_id: string; attempt: number; lease: string };

type Candidate = Omit<QueueItem, "lease"> & { concurrency_keys: string[]; concurrency_limits: number[] };

// Bounds one claim transaction; whatever is left is claimed on the next tick.
const MAX_ROUNDS = 8;

/**
 * Leases up to `capacity` due items, each function's oldest in turn (see findCandidates). Items whose concurrency
 * key already has `limit` requests executing (in any process) are left out in SQL, so a backlog on one busy key
 * never hides other work behind it. Each candidate's key is then re-counted under a per-key advisory lock, making count and lease atomic.
 */
export async function claimItems(
  pool: pg.Pool,
  owner: string,
  capacity: number,
  leaseMs: number,
  inFlight: ReadonlySet<string>,
): Promise<QueueItem[]> {
  if (capacity <= 0) return [];
  const windowSize = Math.max(capacity * 4, 32);
  return withTransaction(pool, async (client) => {
    const claimed: QueueItem[] = [];
    // Items this process is still executing are never re-claimed here, even if a slow heartbeat let the lease lapse.
    const considered = new Set(inFlight);
    // Keys that filled up during this claim (or that another process is claiming right now).
    const skippedKeys = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS && claimed.length < capacity; round++) {
      const candidates = await findCandidates(client, { total: windowSize, perFunction: capacity }, considered, skippedKeys);
      let blocked = false;
      for (const candidate of candidates) {
        if (claimed.length >= capacity) break;
        considered.add(candidate.id);
        const blockedKey = await findBlockedKey(client, candidate, skippedKeys);
        if (blockedKey !== undefined) {
          skippedKeys.add(blockedKey);
          blocked = true;
          continue;
        }
        claimed.push(await leaseItem(client, candidate, owner, leaseMs));
      }
      // Nothing blocked: either capacity is reached or every function offered all it had (fewer than capacity).
      if (!blocked) break;
    }
    return claimed;
  });
}

async function findCandidates(
  client: pg.PoolClient,
  limit: { total: number; perFunction: number },
  excludedIds: ReadonlySet<string>,
  excludedKeys: ReadonlySet<string>,
): Promise<Candidate[]> {
  // `partitions` walks the distinct function ids over an index (a skip scan: one probe per function, however long
  // the backlog); each partition offers its oldest due items, and they are taken in turns: every function's first,
  // then every function's second, the functions of one turn in random order, as Inngest shuffles the partitions it
  // peeks. In age order a function with a deep backlog would win every free worker, its oldest item being older than
  // a newcomer's; drawn, each function with work due gets an equal share of the claims. Only the items taken are
  // locked.
  // `busy` reads only leased rows (a partial index); those are bounded by the workers of all processes.
  const { rows } = await client.query<Candidate>(
    `WITH RECURSIVE partitions (function_id) AS (
       (SELECT function_id FROM inngest_executor.queue ORDER BY function_id LIMIT 1)
       UNION ALL
       SELECT (SELECT q.function_id FROM inngest_executor.queue q WHERE q.function_id > p.function_id ORDER BY q.function_id LIMIT 1)
       FROM partitions p WHERE p.function_id IS NOT NULL),
     busy AS MATERIALIZED (
       SELECT c.key, count(*)::int AS n
       FROM inngest_executor.queue l CROSS JOIN LATERAL unnest(l.concurrency_keys) AS c(key)
       WHERE l.lease_owner IS NOT NULL AND l.locked_until > now()
       GROUP BY c.key),
     offered AS (
       SELECT o.id, o.available_at, row_number() OVER (PARTITION BY p.function_id ORDER BY o.available_at, o.id) AS turn
       FROM partitions p CROSS JOIN LATERAL (
         SELECT q.id, q.available_at FROM inngest_executor.queue q
         WHERE q.function_id = p.function_id AND q.available_at <= now() AND (q.locked_until IS NULL OR q.locked_until < now())
           AND NOT (q.id = ANY($2::bigint[])) AND NOT (q.concurrency_keys && $3::text[])
           AND NOT EXISTS (
             SELECT 1 FROM unnest(q.concurrency_keys, q.concurrency_limits) AS c(key, lim)
             JOIN busy b ON b.key = c.key WHERE b.n >= c.lim)
         ORDER BY q.available_at, q.id LIMIT $4) o),
     drawn AS (SELECT id, turn, random() AS draw FROM offered),
     taken AS (SELECT id, turn, draw FROM drawn ORDER BY turn, draw LIMIT $1)
     SELECT q.id, q.run_id, q.kind, q.step_id, q.attempt, q.concurrency_keys, q.concurrency_limits
     FROM inngest_executor.queue q JOIN taken t ON t.id = q.id
     WHERE q.locked_until IS NULL OR q.locked_until < now()
     ORDER BY t.turn, t.draw FOR UPDATE OF q SKIP LOCKED`,
    [limit.total, [...excludedIds], [...excludedKeys], limit.perFunction],
  );
  return rows;
}

/** The first of the candidate's keys that has no room (or is being claimed by another process), if any. */
async function findBlockedKey(client: pg.PoolClient, candidate: Candidate, skippedKeys: ReadonlySet<string>): Promise<string | undefined> {
  const keys = candidate.concurrency_keys.map((key, i) => ({ key, limit: candidate.concurrency_limits[i] ?? 1 }));
  for (const { key, limit } of keys.sort((a, b) => a.key.localeCompare(b.key))) {
    if (skippedKeys.has(key)) return key;
    // try-lock: a key another process is counting right now is simply skipped this round (no deadlocks).
    const lock = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok", [key]);
    if (!lock.rows[0]?.ok) return key;
    if ((await countExecuting(client, key)) >= limit) return key;
  }
  return undefined;
}

/** Requests executing for one concurrency key, in every process; reads only leased rows (a partial index). */
export const COUNT_EXECUTING = `SELECT count(*)::int AS n FROM inngest_executor.queue
  WHERE lease_owner IS NOT NULL AND locked_until > now() AND concurrency_keys @> ARRAY[$1::text]`;

async function countExecuting(client: pg.PoolClient, key: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(COUNT_EXECUTING, [key]);
  return rows[0]?.n ?? 0;
}

async function leaseItem(client: pg.PoolClient, candidate: Candidate, owner: string, leaseMs: number): Promise<QueueItem> {
  const lease = `${owner}.${randomBytes(6).toString("hex")}`;
  await client.query(
    `UPDATE inngest_executor.queue SET locked_until = now() + $2 * interval '1 millisecond', lease_owner = $3, rerun = false
     WHERE id = $1`,
    [candidate.id, leaseMs, lease],
  );
  const { id, run_id, kind, step_id, attempt } = candidate;
  return { id, run_id, kind, step_id, attempt, lease };
}

/** Extends a lease while the app is still working on the request. */
export async function extendLease(pool: pg.Pool, itemId: string, lease: string, leaseMs: number): Promise<void> {
  await pool.query(
    `UPDATE inngest_executor.queue SET locked_until = now() + $3 * interval '1 millisecond' WHERE id = $1 AND lease_owner = $2`,
    [itemId, lease, leaseMs],
  );
}
