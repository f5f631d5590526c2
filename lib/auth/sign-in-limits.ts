import type { SignInLimit } from "@/db/queries/sign-in-attempts";
import type { ClientAddress } from "./client-address";

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures within the window that lock an account, a client address or a device. */
export const SIGN_IN_MAX_FAILURES = 10;
/** The limit of the bucket every client shares when no address can be told apart: a team's typos, not a spray. */
export const SIGN_IN_MAX_SHARED_FAILURES = 100;
/**
 * An account's failures within the window before even browsers that signed in to it before are refused. Others are
 * refused at SIGN_IN_MAX_FAILURES, so they cannot use it all up and lock the owner out; yet it is a limit, so a stolen
 * device cookie is no way around the account's.
 */
export const SIGN_IN_MAX_FAILURES_ON_KNOWN_DEVICE = 20;

/** Which limit was hit: the account's (named by the email typed), the client address's, all clients', or the device's. */
export type RateLimitScope = "email" | "address" | "shared" | "device";

export type ScopedLimit = SignInLimit & { scope: RateLimitScope };

/** A browser's device id, proven (by its device cookie) to have signed in to the user before. */
export type KnownDevice = { deviceId: string; userId: string };

/** Whole minutes to wait, from the seconds until a limit frees up (a minute when it already did: a race). */
export function toRetryAfterMinutes(seconds: number | undefined): number {
  return Math.min(SIGN_IN_WINDOW_MINUTES, Math.max(1, Math.ceil((seconds ?? 60) / 60)));
}

export const accountKey = (userId: string) => `user:${userId}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;

/**
 * The limits one attempt is counted against:
 * - every account with the email, as the password is checked against each (the email itself when none has it);
 * - the device, when the browser signed in to one of those accounts before; that account allows it more failures;
 * - the client address (or the bucket every client shares), unless the browser signed in before to every account the
 *   email names. Then failures others cause from the same address cannot lock the owner out, while a device cookie
 *   for one's own copy of an email is no way to try another organization's account from one address without limit.
 */
export function listSignInLimits(attempt: {
  email: string;
  accountIds: string[];
  client: ClientAddress;
  knownDevice: KnownDevice | null;
}): ScopedLimit[] {
  const { accountIds, client, knownDevice } = attempt;
  const accounts: ScopedLimit[] = accountIds.length
    ? accountIds.map((id) => ({
        key: accountKey(id),
        scope: "email",
        max: id === knownDevice?.userId ? SIGN_IN_MAX_FAILURES_ON_KNOWN_DEVICE : SIGN_IN_MAX_FAILURES,
      }))
    : [{ key: `email:${attempt.email}`, scope: "email", max: SIGN_IN_MAX_FAILURES }];
  const device: ScopedLimit[] = knownDevice ? [{ key: deviceKey(knownDevice.deviceId), scope: "device", max: SIGN_IN_MAX_FAILURES }] : [];
  const knownToAll = knownDevice !== null && accountIds.length > 0 && accountIds.every((id) => id === knownDevice.userId);
  if (knownToAll) return [...accounts, ...device];
  const address: ScopedLimit = client.shared
    ? { key: client.key, scope: "shared", max: SIGN_IN_MAX_SHARED_FAILURES }
    : { key: client.key, scope: "address", max: SIGN_IN_MAX_FAILURES };
  return [...accounts, ...device, address];
}
