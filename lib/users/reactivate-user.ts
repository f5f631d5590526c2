import type { Kysely } from "kysely";
import { setUserDeactivated } from "@/db/queries/users";
import type { Database } from "@/db/schema";
import { type ManageUserInput, manageUser } from "./manage-user";

/** Lets a deactivated user sign in again, with the password they had. */
export async function reactivateUser(db: Kysely<Database>, input: ManageUserInput): Promise<{ name: string }> {
  return manageUser(db, input, { action: "user.reactivated", effect: null }, async (trx, user) => {
    if (user.deactivated_at !== null) await setUserDeactivated(trx, user.id, false);
    return { result: { name: user.name } };
  });
}
