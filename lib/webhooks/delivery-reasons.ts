/** Why a webhook delivery was rejected: stored in webhook_deliveries.reason, explained on the webhook page. */
export const DELIVERY_REASONS = {
  unknown_connection: "No Gong connection has this URL",
  revoked_connection: "Gong was disconnected",
  too_large: "Body larger than 1 MB",
  missing_key: "No public key or URL key saved yet",
  bad_token: "No valid signed JWT in the Authorization header",
  bad_signature: "Signature doesn't match the saved public key",
  body_changed: "Body differs from what Gong signed",
  expired: "Signed token had expired",
  long_lived: "Signed token valid for more than 24 hours",
  url_mismatch: "Signed for a different destination URL",
  bad_key: "Wrong or missing key in the URL",
  malformed_payload: "Not a Gong call payload",
  enqueue_failed: "Could not queue the sync; Gong will retry",
} as const;

export type DeliveryReason = keyof typeof DELIVERY_REASONS;

export function describeDeliveryReason(reason: string | null): string {
  if (reason && Object.hasOwn(DELIVERY_REASONS, reason)) return DELIVERY_REASONS[reason as DeliveryReason];
  return reason ?? "Rejected";
}

/** Where a deferred (held) delivery stands: waiting for Gong to be reconnected, or taken up after it was. */
export type HeldDeliveryState = "waiting" | "queued" | "stored" | "deleted";

export function describeHeldDelivery(takenUpBy: string | null): HeldDeliveryState {
  if (takenUpBy === null) return "waiting";
  return takenUpBy === "stored" || takenUpBy === "deleted" ? takenUpBy : "queued";
}
