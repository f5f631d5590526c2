import type { Kysely } from "kysely";
import { setUserRole } from "@/db/queries/users";
import type { Database, Role } from "@/db/schema";
import { type ManageUserInput, isActiveAdmin, manageUser } from "./manage-user";

/** Makes a user an admin or a rep; the change applies from their next request (roles are read fresh each time). */
export async function changeUserRole(db: Kysely<Database>, input: ManageUserInput & { role: Role }): Promise<{ name: string }> {
  const demotes = input.role !== "admin";
  const effect = demotes ? { selfRefusal: "You cannot take away your own admin role. Another admin can.", removesAdmin: isActiveAdmin } : null;
  return manageUser(db, input, { action: "user.role_changed", effect }, async (trx, user) => {
    if (user.role !== input.role) await setUserRole(trx, user.id, input.role);
    return { result: { name: user.name }, details: { from: user.role, to: input.role } };
  });
}
