import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/** At most `max` attempts may be counted against `key` within the window. */
export type SignInLimit = { key: string; max: number };

const windowStart = (windowMinutes: number) => sql<Date>`now() - make_interval(mins => ${windowMinutes})`;
// Milliseconds, so the time an attempt was counted at comes back from JavaScript exactly as stored.
const countedNow = sql<Date>`date_trunc('milliseconds', now())`;

/**
 * Counts one attempt against each key that has fewer than its max within the window, in one statement. The upsert
 * locks each key's row until it commits, so parallel attempts are decided one after another and no more than max of
 * them are ever counted; rows are locked in key order, so two attempts sharing keys cannot deadlock. Returns the keys
 * counted, and the time they were counted at for releaseSignInAttempts (null when none was).
 */
export async function reserveSignInAttempts(
  db: Kysely<Database>,
  limits: SignInLimit[],
  windowMinutes: number,
): Promise<{ keys: string[]; countedAt: Date | null }> {
  const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = sorted.map((limit) => limit.key);
  const maxes = sorted.map((limit) => limit.max);
  const since = windowStart(windowMinutes);
  const { rows } = await sql<{ key: string; counted_at: Date }>`
    insert into sign_in_attempts as a (key, counted_at)
    select l.key, array[${countedNow}] from unnest(${keys}::text[]) with ordinality as l(key, n) order by l.n
    on conflict (key) do update
    set counted_at = array(select t from unnest(a.counted_at) as t where t > ${since} order by t) || ${countedNow},
        updated_at = now()
    where (select count(*) from unnest(a.counted_at) as t where t > ${since})
        < (select l.max from unnest(${keys}::text[], ${maxes}::int[]) as l(key, max) where l.key = a.key)
    returning a.key, ${countedNow} as counted_at`.execute(db);
  return { keys: rows.map((row) => row.key), countedAt: rows[0]?.counted_at ?? null };
}

/**
 * Drops every attempt counted against `clear`, and gives back the one counted at `countedAt` against each of
 * `release` (attempts that turned out not to count), in one statement. Rows are locked in key order first, as
 * reserveSignInAttempts locks them, so the two cannot deadlock.
 */
export async function settleSignInAttempts(
  db: Kysely<Database>,
  settlement: { clear: string[]; release: string[]; countedAt: Date },
): Promise<void> {
  const at = sql`${settlement.countedAt}::timestamptz`;
  const clear = sql`${settlement.clear}::text[]`;
  await sql`
    with locked as (
      select key from sign_in_attempts where key = any(${clear} || ${settlement.release}::text[]) order by key for update
    )
    update sign_in_attempts a
    set counted_at = case when a.key = any(${clear}) then '{}'
      else a.counted_at[:array_position(a.counted_at, ${at}) - 1] || a.counted_at[array_position(a.counted_at, ${at}) + 1:] end
    from locked
    where a.key = locked.key and (a.key = any(${clear}) or ${at} = any(a.counted_at))`.execute(db);
}

/** For each key at its max: seconds until the attempt that reached the max (the max-th newest) leaves the window. */
export async function getSignInWaits(db: Kysely<Database>, limits: SignInLimit[], windowMinutes: number): Promise<Map<string, number>> {
  const since = windowStart(windowMinutes);
  const { rows } = await sql<{ key: string; seconds: number | null }>`
    select l.key, extract(epoch from (
      select t from unnest(a.counted_at) as t where t > ${since} order by t desc offset l.max - 1 limit 1
    ) + make_interval(mins => ${windowMinutes}) - now())::float8 as seconds
    from unnest(${limits.map((limit) => limit.key)}::text[], ${limits.map((limit) => limit.max)}::int[]) as l(key, max)
    join sign_in_attempts a on a.key = l.key`.execute(db);
  return new Map(rows.flatMap((row) => (row.seconds === null ? [] : [[row.key, row.seconds] as const])));
}

/** Deletes the keys nothing was counted against within the window, skipping any an attempt holds just now. */
export async function pruneSignInAttempts(db: Kysely<Database>, windowMinutes: number): Promise<void> {
  await sql`
    delete from sign_in_attempts where key in (
      select key from sign_in_attempts where updated_at < ${windowStart(windowMinutes)} for update skip locked
    )`.execute(db);
}
