import type { Kysely } from "kysely";
import type { Database, User } from "@/db/schema";
import { listUsersByEmail } from "@/db/queries/users";
import {
  clearSignInFailures,
  countRecentSignInFailures,
  recordSignInFailure,
} from "@/db/queries/sign-in-failures";
import { verifyPassword } from "@/lib/auth/password";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_MAX_FAILURES = 10;

// Verifying against a real hash for unknown emails keeps response times from revealing which emails exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export type AuthenticationResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/** Checks an email and password, limiting failures per email and per client address. */
export async function authenticateWithPassword(
  db: Kysely<Database>,
  input: { email: string; password: string; clientAddress: string },
): Promise<AuthenticationResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, `ip:${input.clientAddress}`];

  const recent = await countRecentSignInFailures(db, keys, SIGN_IN_WINDOW_MINUTES);
  const blocked = recent.filter((entry) => entry.failures >= SIGN_IN_MAX_FAILURES);
  if (blocked.length > 0) {
    const freedAt = Math.max(...blocked.map((entry) => entry.oldest.getTime())) + SIGN_IN_WINDOW_MINUTES * 60_000;
    return { ok: false, reason: "rate_limited", retryAfterMinutes: Math.max(1, Math.ceil((freedAt - Date.now()) / 60_000)) };
  }

  const candidates = await listUsersByEmail(db, email);
  for (const user of candidates) {
    if (await verifyPassword(input.password, user.password_hash)) {
      await clearSignInFailures(db, `email:${email}`);
      return { ok: true, user };
    }
  }
  if (candidates.length === 0) await verifyPassword(input.password, DUMMY_HASH);

  await recordSignInFailure(db, keys);
  return { ok: false, reason: "invalid_credentials" };
}
