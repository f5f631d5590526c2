/** Every Gong workflow of a connection stops when that connection is revoked. */
export const cancelOnRevoke = [{ event: "gong/connection.revoked", if: "async.data.connectionId == event.data.connectionId" }];

/**
 * The workflows of one sync run stop when an admin cancels it, and on revoke. Inngest (and the embedded executor)
 * count an `if` that cannot be evaluated, as for a function started without a run id, as no match.
 */
export const cancelOnRevokeOrRunCancelled = [
  ...cancelOnRevoke,
  { event: "gong/sync-run.cancel-requested", if: "async.data.runId == event.data.runId" },
];

/**
 * Gong's 500s and 429s are passing; a page step gets more attempts than Inngest's default four so a bad
 * minute does not fail a long backfill (the backoff grows to hours over these attempts).
 */
export const GONG_STEP_RETRIES = 10;
