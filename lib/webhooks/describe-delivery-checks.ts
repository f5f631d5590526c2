import { type DeliveryReason, describeDeliveryReason } from "./delivery-reasons";

/** unknown: a rejection for a reason this list does not place, so how far the delivery got is not known. */
export type DeliveryCheckState = "passed" | "failed" | "not_reached" | "unknown";
export type DeliveryCheck = { label: string; detail: string; state: DeliveryCheckState };
type Auth = "jwt" | "url-key";
type Step = { label: string; detail: string; failsWith: DeliveryReason[] };

const BEFORE: Step[] = [
  { label: "Connection", detail: "The URL names a connected Gong connection of this organization.", failsWith: ["revoked_connection"] },
  { label: "Content-Length", detail: "The body is at most 1 MB.", failsWith: ["too_large"] },
];

const CREDENTIALS: Record<Auth, Step[]> = {
  jwt: [
    { label: "Public key", detail: "A public key from the Gong rule is saved here.", failsWith: ["missing_key"] },
    { label: "Authorization", detail: "The header holds a signed JWT (RS256) with webhook_url, body_sha256 and exp.", failsWith: ["bad_token"] },
    { label: "Signature", detail: "The JWT verifies with the saved public key.", failsWith: ["bad_signature"] },
    { label: "exp", detail: "The JWT has not expired.", failsWith: ["expired"] },
    { label: "body_sha256", detail: "The body is exactly what Gong signed.", failsWith: ["body_changed"] },
    { label: "webhook_url", detail: "Gong signed it for this endpoint's URL.", failsWith: ["url_mismatch"] },
  ],
  "url-key": [
    { label: "URL key", detail: "A URL key is set for this connection.", failsWith: ["missing_key"] },
    { label: "key", detail: "The key query parameter matches, compared in constant time.", failsWith: ["bad_key"] },
  ],
};

const AFTER: Step[] = [
  { label: "Payload", detail: "The body is a Gong call (callData.metaData.id).", failsWith: ["malformed_payload"] },
  { label: "Sync queued", detail: "The call's sync was handed to the workflow engine.", failsWith: ["enqueue_failed"] },
];

/** The method a delivery's rejection reveals, for deliveries recorded before the method was kept with them. */
function inferAuth(reason: string | null): Auth | null {
  if (reason === "bad_key") return "url-key";
  if (reason && CREDENTIALS.jwt.some((step) => step.label !== "Public key" && step.failsWith.includes(reason as DeliveryReason))) return "jwt";
  return null;
}

/**
 * What the receiver checked for one delivery, in its order, and how far the delivery got: every check before the
 * failing one passed, the ones after it were never reached. Nothing of the request itself is stored, so this is
 * told from the verdict. `auth` null (deliveries older than the record of it) leaves the credential checks out
 * unless the reason names them.
 */
export function describeDeliveryChecks(delivery: { auth: Auth | null; outcome: string; reason: string | null; isTest: boolean }): {
  auth: Auth | null;
  checks: DeliveryCheck[];
  verdict: string;
} {
  const auth = delivery.auth ?? inferAuth(delivery.reason);
  const after = delivery.isTest || delivery.outcome === "deferred" ? AFTER.slice(0, 1) : AFTER;
  const steps = [...BEFORE, ...(auth ? CREDENTIALS[auth] : []), ...after];
  const rejected = delivery.outcome === "rejected";
  const failing = rejected ? steps.findIndex((step) => step.failsWith.includes(delivery.reason as DeliveryReason)) : -1;
  const stateOf = (index: number): DeliveryCheckState => {
    if (!rejected) return "passed";
    if (failing < 0) return "unknown";
    return index < failing ? "passed" : index === failing ? "failed" : "not_reached";
  };
  const checks = steps.map((step, index): DeliveryCheck => ({ label: step.label, detail: step.detail, state: stateOf(index) }));
  if (rejected && failing < 0) checks.push({ label: "Rejected", detail: describeDeliveryReason(delivery.reason), state: "failed" });
  return { auth, checks, verdict: describeVerdict(delivery) };
}

function describeVerdict({ outcome, reason, isTest }: { outcome: string; reason: string | null; isTest: boolean }): string {
  if (outcome === "rejected") return `Rejected: ${describeDeliveryReason(reason)}.`;
  if (isTest || outcome === "test") return "Verified test delivery from Gong; nothing was synced.";
  if (outcome === "deferred") return "Verified, and held: Gong needed re-authorization, so the call syncs once Gong is reconnected.";
  return "Verified and accepted; the call's sync was queued.";
}
