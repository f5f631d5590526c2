import type { Kysely } from "kysely";
import { setOneTimePassword } from "@/db/queries/users";
import type { Database } from "@/db/schema";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { type ManageUserInput, manageUser } from "./manage-user";

/**
 * Gives a user a new one-time password, as inviting them did: returned once, to be replaced at their next sign-in.
 * Their sessions end. An admin resets their own password on the account page instead, with their current one.
 */
export async function resetUserPassword(db: Kysely<Database>, input: ManageUserInput): Promise<{ email: string; oneTimePassword: string }> {
  const oneTimePassword = generateOneTimePassword();
  // Hashed before the transaction opens: scrypt takes a while and should not hold locks.
  const passwordHash = await hashPassword(oneTimePassword);
  return manageUser(db, input, { action: "user.password_reset", effect: { selfRefusal: "Change your own password on your account page.", removesAdmin: () => false } }, async (trx, user) => {
    await setOneTimePassword(trx, user.id, passwordHash);
    return { result: { email: user.email, oneTimePassword } };
  });
}
