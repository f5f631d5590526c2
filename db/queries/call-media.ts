import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type StoredCallMedia = { audio_url: string | null; video_url: string | null; media_fetched_at: Date | null };

export type CallMediaClaim = { claimed: true } | { claimed: false; stored: StoredCallMedia };

/**
 * Takes the call's media-fetch lease unless another request holds it or the stored media is no longer stale (both
 * `…StaleBefore` bounds are the caller's: links older than `linksStaleBefore`, or a "no media" answer older than
 * `noMediaStaleBefore`, are stale). One statement, so of concurrent requests on any replica exactly one asks Gong.
 * When not claimed, what is stored now.
 */
export async function claimCallMediaFetch(
  db: Kysely<Database>,
  callId: string,
  input: { leaseSeconds: number; linksStaleBefore: Date; noMediaStaleBefore: Date },
): Promise<CallMediaClaim> {
  const { rows } = await sql<StoredCallMedia & { claimed: boolean }>`
    with claimed as (
      update calls set media_fetch_lease_until = now() + make_interval(secs => ${input.leaseSeconds})
      where id = ${callId}
        and (media_fetch_lease_until is null or media_fetch_lease_until < now())
        and (media_fetched_at is null or media_fetched_at < case
          when audio_url is null and video_url is null then ${input.noMediaStaleBefore}::timestamptz
          else ${input.linksStaleBefore}::timestamptz end)
      returning id)
    select exists (select 1 from claimed) as claimed, audio_url, video_url, media_fetched_at
    from calls where id = ${callId}`.execute(db);
  const row = rows[0];
  if (row?.claimed) return { claimed: true };
  return { claimed: false, stored: { audio_url: row?.audio_url ?? null, video_url: row?.video_url ?? null, media_fetched_at: row?.media_fetched_at ?? null } };
}

/** Stores what Gong answered (links, or none: both null) and hands the lease back. */
export async function storeCallMedia(
  db: Kysely<Database>,
  callId: string,
  media: { audioUrl: string | null; videoUrl: string | null; fetchedAt: Date },
): Promise<void> {
  await db
    .updateTable("calls")
    .set({ audio_url: media.audioUrl, video_url: media.videoUrl, media_fetched_at: media.fetchedAt, media_fetch_lease_until: null, updated_at: sql`now()` })
    .where("id", "=", callId)
    .execute();
}

/** Hands the lease back after a failed fetch, so the next request may try at once. */
export async function releaseCallMediaFetch(db: Kysely<Database>, callId: string): Promise<void> {
  await db.updateTable("calls").set({ media_fetch_lease_until: null }).where("id", "=", callId).execute();
}
