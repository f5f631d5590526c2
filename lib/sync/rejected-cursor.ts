import { GongRequestRejectedError } from "@/lib/gong/errors";

/**
 * Gong's cursors expire (they are signed tokens with an `exp`, API.md §2.1, lifetime unpublished) and a step
 * retried hours later sends a stale one. The request is otherwise the one that worked a page earlier, so a 400
 * to a request carrying a cursor means the cursor: the window is read again from its start.
 */
export function isRejectedCursor(error: unknown, cursor: string | null | undefined): boolean {
  return Boolean(cursor) && error instanceof GongRequestRejectedError && error.status === 400;
}

/** How many times one window restarts after a rejected cursor before the run gives up on it. */
export const MAX_CURSOR_RESTARTS = 3;
