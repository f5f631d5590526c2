import type { Kysely } from "kysely";
import type { Database, User } from "@/db/schema";
import { getSignInWaits, pruneSignInAttempts, reserveSignInAttempts, settleSignInAttempts } from "@/db/queries/sign-in-attempts";
import { listUsersByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { logger } from "@/lib/observability/logger";
import { processMetrics } from "@/lib/observability/process-metrics";
import type { ClientAddress } from "./client-address";
import { createDeviceToken, verifyDeviceToken } from "./device-token";
import type { SecretRing } from "./signed-text";
import {
  type KnownDevice,
  type RateLimitScope,
  type ScopedLimit,
  SIGN_IN_WINDOW_MINUTES,
  accountKey,
  deviceKey,
  listSignInLimits,
  toRetryAfterMinutes,
} from "./sign-in-limits";

export type AuthenticationResult =
  /** `deviceToken` is the device cookie's new value: this browser, bound to the user signed in to. */
  | { ok: true; user: User; deviceToken: string }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; scope: RateLimitScope; retryAfterMinutes: number };

export type SignInAttempt = {
  email: string;
  password: string;
  client: ClientAddress;
  /** The device cookie the browser sent, if any. */
  deviceToken: string | undefined;
  /** Signs device tokens (AUTH_SECRET: its newest secret signs, any of them verifies). */
  secret: SecretRing;
};

/**
 * Checks an email and password within the limits of lib/auth/sign-in-limits.ts. The attempt is counted against each
 * limit before the (slow) hash, in one statement, so parallel guesses cannot all get in before the first failure is
 * recorded. An attempt refused by a limit is not counted, so attempts made while a limit holds cannot extend it; a
 * right password is refused too, or the limit would tell a guesser when they hit it. A successful sign-in clears the
 * failures of the account signed in to and of the device, and gives back what it counted against the rest, except
 * against other accounts with the email whose password it was checked against and did not match: an admin could set
 * their own copy of someone's email to each guess in turn.
 */
export async function authenticateWithPassword(db: Kysely<Database>, attempt: SignInAttempt): Promise<AuthenticationResult> {
  const email = attempt.email.trim().toLowerCase();
  // A deactivated account cannot sign in: it is tried as an unknown one would be, so its password proves nothing.
  const users = (await listUsersByEmail(db, email)).filter((user) => user.deactivated_at === null);
  const knownDevice = findKnownDevice(attempt, users);
  // The account this browser signed in to before is tried first: when it matches, no other account was guessed at.
  const candidates = [...users.filter((user) => user.id === knownDevice?.userId), ...users.filter((user) => user.id !== knownDevice?.userId)];
  const limits = listSignInLimits({ email, accountIds: candidates.map((user) => user.id), client: attempt.client, knownDevice });
  const reservation = await reserveSignInAttempts(db, limits, SIGN_IN_WINDOW_MINUTES);
  const countedAt = reservation.countedAt;
  if (reservation.keys.length < limits.length || !countedAt) return refuse(db, limits, reservation.keys, countedAt);

  const failed = new Set<string>();
  for (const user of candidates) {
    if (await verifyPassword(attempt.password, user.password_hash)) {
      const clear = knownDevice ? [accountKey(user.id), deviceKey(knownDevice.deviceId)] : [accountKey(user.id)];
      const release = limits.map((limit) => limit.key).filter((key) => !clear.includes(key) && !failed.has(key));
      await settleSignInAttempts(db, { clear, release, countedAt });
      logger.info({ userId: user.id, organizationId: user.organization_id, knownDevice: Boolean(knownDevice) }, "sign-in succeeded");
      return { ok: true, user, deviceToken: createDeviceToken(attempt.secret, user.id, knownDevice?.deviceId) };
    }
    failed.add(accountKey(user.id));
  }
  if (candidates.length === 0) await verifyAgainstDummyHash(attempt.password);
  await pruneSignInAttempts(db, SIGN_IN_WINDOW_MINUTES);
  // The email is left out: a typo of a password in the email field would otherwise end up in the logs.
  processMetrics.signInFailures.inc();
  logger.warn({ reason: "invalid_credentials", accounts: candidates.length, client: attempt.client.key }, "sign-in failed");
  return { ok: false, reason: "invalid_credentials" };
}

/**
 * Verifying against a real hash, at the cost real ones have, when no account has the email keeps response times from
 * revealing which emails exist. The hash is here, not a module constant, so that mutation testing can see it.
 */
async function verifyAgainstDummyHash(password: string): Promise<void> {
  await verifyPassword(password, "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
}

/** The browser's device id when its cookie was issued for one of the accounts with the email. */
function findKnownDevice(attempt: SignInAttempt, candidates: User[]): KnownDevice | null {
  if (!attempt.deviceToken) return null;
  for (const user of candidates) {
    const deviceId = verifyDeviceToken(attempt.secret, attempt.deviceToken, user.id);
    if (deviceId) return { deviceId, userId: user.id };
  }
  return null;
}

/** Gives back what the attempt was counted against and says how long the longest of the limits it hit holds. */
async function refuse(db: Kysely<Database>, limits: ScopedLimit[], counted: string[], countedAt: Date | null): Promise<AuthenticationResult> {
  if (countedAt && counted.length) await settleSignInAttempts(db, { clear: [], release: counted, countedAt });
  const hit = limits.filter((limit) => !counted.includes(limit.key));
  const waits = await getSignInWaits(db, hit, SIGN_IN_WINDOW_MINUTES);
  const longest = hit.reduce((best, limit) => ((waits.get(limit.key) ?? 0) > (waits.get(best.key) ?? 0) ? limit : best), hit[0]!);
  const retryAfterMinutes = toRetryAfterMinutes(waits.get(longest.key));
  processMetrics.signInLockouts.inc({ scope: longest.scope });
  logger.warn({ reason: "rate_limited", scope: longest.scope, retryAfterMinutes }, "sign-in refused: too many failed attempts");
  return { ok: false, reason: "rate_limited", scope: longest.scope, retryAfterMinutes };
}
