/** Every Gong workflow of a connection stops when that connection is revoked. */
export const cancelOnRevoke = [{ event: "gong/connection.revoked", if: "async.data.connectionId == event.data.connectionId" }];

/**
 * Gong's 500s and 429s are passing; a page step gets more attempts than Inngest's default four so a bad
 * minute does not fail a long backfill (the backoff grows to hours over these attempts).
 */
export const GONG_STEP_RETRIES = 10;
