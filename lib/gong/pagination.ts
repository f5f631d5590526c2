import "server-only";
import { GongUpstreamError } from "./errors";
import type { RejectedRecord } from "./parse-records";
import type { Records } from "./schemas/common";

/**
 * One page of a cursor-paginated Gong list; store `nextCursor` to resume (it is null on the last page). Lists
 * validated record by record put the records that failed in `rejected`, beside the `items` that passed.
 */
export type GongPage<T> = {
  items: T[];
  rejected: RejectedRecord[];
  records: Records | null;
  nextCursor: string | null;
};

export function emptyPage<T>(): GongPage<T> {
  return { items: [], rejected: [], records: null, nextCursor: null };
}

/** Gong returns `records.cursor` only while more records remain. */
export function toPage<T>(items: T[], records: Records | null, rejected: RejectedRecord[] = []): GongPage<T> {
  return { items, rejected, records, nextCursor: records?.cursor || null };
}

/**
 * Follows Gong's cursors from `startCursor` until a page comes back without one. Every other request input
 * must stay the same across pages (Gong's rule), so `fetchPage` only varies the cursor.
 */
export async function* iteratePages<T>(
  fetchPage: (cursor: string | undefined) => Promise<GongPage<T>>,
  startCursor?: string,
): AsyncGenerator<GongPage<T>, void, undefined> {
  let cursor = startCursor;
  for (;;) {
    const page = await fetchPage(cursor);
    yield page;
    if (!page.nextCursor) return;
    // A repeated cursor would loop forever, spending the day's request budget.
    if (page.nextCursor === cursor) throw new GongUpstreamError("Gong returned the same cursor twice");
    cursor = page.nextCursor;
  }
}
