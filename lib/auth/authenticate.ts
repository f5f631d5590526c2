import type { Kysely } from "kysely";
import type { Database, User } from "@/db/schema";
import { listUsersByEmail } from "@/db/queries/users";
import { clearSignInFailures, listRecentSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { verifyPassword } from "@/lib/auth/password";
import type { ClientAddress } from "./client-address";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_MAX_FAILURES = 10;
/** The limit of the bucket every client shares when no address can be trusted: a team's typos, not a spray. */
export const SIGN_IN_MAX_SHARED_FAILURES = 100;

// Verifying against a real hash for unknown emails keeps response times from revealing which emails exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/** Which limit was hit: failures for this email, from this client address, from all clients at once, or on this device. */
export type RateLimitScope = "email" | "address" | "shared" | "device";

export type AuthenticationResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; scope: RateLimitScope; retryAfterMinutes: number };

type Limit = { key: string; scope: RateLimitScope; max: number };

/**
 * A browser that signed in to this email before (its device id, from a verified device token) is limited on its
 * own, so failures others cause with the email cannot lock it out. Any other client is limited per email and per
 * client address.
 */
function limitsFor(email: string, client: ClientAddress, deviceId: string | null): Limit[] {
  if (deviceId) return [{ key: `device:${deviceId}`, scope: "device", max: SIGN_IN_MAX_FAILURES }];
  return [
    { key: `email:${email}`, scope: "email", max: SIGN_IN_MAX_FAILURES },
    client.shared
      ? { key: client.key, scope: "shared", max: SIGN_IN_MAX_SHARED_FAILURES }
      : { key: client.key, scope: "address", max: SIGN_IN_MAX_FAILURES },
  ];
}

/**
 * Checks an email and password within the failure limits. A limit holds for at most SIGN_IN_WINDOW_MINUTES after
 * the failures that reached it: attempts made while it holds are refused unchecked and not counted, so they cannot
 * extend it. A right password is refused too while a limit holds, or the limit would tell a guesser when they hit it.
 */
export async function authenticateWithPassword(
  db: Kysely<Database>,
  input: { email: string; password: string; client: ClientAddress; deviceId: string | null },
): Promise<AuthenticationResult> {
  const email = input.email.trim().toLowerCase();
  const limits = limitsFor(email, input.client, input.deviceId);

  const recent = await listRecentSignInFailures(db, limits.map((limit) => limit.key), SIGN_IN_WINDOW_MINUTES);
  // A limit holds until the failure that reached it leaves the window: the max-th newest one.
  const hits = limits.flatMap((limit) => {
    const reachedAt = recent.get(limit.key)?.[limit.max - 1];
    return reachedAt ? [{ scope: limit.scope, freedAt: reachedAt.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000 }] : [];
  });
  const longest = hits.sort((a, b) => b.freedAt - a.freedAt)[0];
  if (longest) {
    const retryAfterMinutes = Math.min(SIGN_IN_WINDOW_MINUTES, Math.max(1, Math.ceil((longest.freedAt - Date.now()) / 60_000)));
    return { ok: false, reason: "rate_limited", scope: longest.scope, retryAfterMinutes };
  }

  const candidates = await listUsersByEmail(db, email);
  for (const user of candidates) {
    if (await verifyPassword(input.password, user.password_hash)) {
      await clearSignInFailures(db, limits[0]!.key);
      return { ok: true, user };
    }
  }
  if (candidates.length === 0) await verifyPassword(input.password, DUMMY_HASH);

  await recordSignInFailure(db, limits.map((limit) => limit.key));
  return { ok: false, reason: "invalid_credentials" };
}
