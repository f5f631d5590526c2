import type { Kysely } from "kysely";
import { deleteUser } from "@/db/queries/users";
import type { Database } from "@/db/schema";
import { type ManageUserInput, isActiveAdmin, manageUser } from "./manage-user";

/**
 * Deletes a user's account for good: their sessions stop working (getSessionUser finds no user), their Gong link goes;
 * the audit log keeps what they did, without them as actor. The synced calls are Gong's and stay.
 */
export async function removeUser(db: Kysely<Database>, input: ManageUserInput): Promise<{ name: string }> {
  return manageUser(db, input, { action: "user.removed", effect: { selfRefusal: "You cannot remove yourself. Another admin can.", removesAdmin: isActiveAdmin } }, async (trx, user) => {
    await deleteUser(trx, user.id);
    return { result: { name: user.name }, details: { role: user.role } };
  });
}
