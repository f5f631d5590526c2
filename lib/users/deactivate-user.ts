import type { Kysely } from "kysely";
import { setUserDeactivated } from "@/db/queries/users";
import type { Database } from "@/db/schema";
import { type ManageUserInput, isActiveAdmin, manageUser } from "./manage-user";

/**
 * Deactivates a user: sign-in is refused from now on and every session they have ends (the session version rises);
 * their account, Gong link and everything they did stay. Deactivating someone already deactivated changes nothing.
 */
export async function deactivateUser(db: Kysely<Database>, input: ManageUserInput): Promise<{ name: string }> {
  return manageUser(db, input, { action: "user.deactivated", effect: { selfRefusal: "You cannot deactivate yourself. Another admin can.", removesAdmin: isActiveAdmin } }, async (trx, user) => {
    if (user.deactivated_at === null) await setUserDeactivated(trx, user.id, true);
    return { result: { name: user.name } };
  });
}
