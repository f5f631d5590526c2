import type { Kysely } from "kysely";
import { z } from "zod";
import { getGongUserForInvite, linkUserToGongUser } from "@/db/queries/user-gong-link-admin";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createUserWithOneTimePassword } from "./create-user-with-one-time-password";

/**
 * Creates a rep for a Gong user without an account and links the two in one transaction: if the link cannot be
 * made (someone linked that Gong user meanwhile), no account is left behind. The one-time password is returned once.
 */
export async function inviteGongUser(db: Kysely<Database>, input: { organizationId: string; actorUserId: string; gongUserId: string }) {
  const gongUser = await getGongUserForInvite(db, input.organizationId, input.gongUserId);
  if (!gongUser) throw new AppError("not_found", "That Gong user no longer exists.");
  const email = z.email().safeParse(gongUser.email?.trim().toLowerCase());
  if (!email.success) throw new AppError("bad_request", "This Gong user has no email address, so they can't be invited.");
  const name = [gongUser.first_name, gongUser.last_name].filter(Boolean).join(" ") || email.data;
  return createUserWithOneTimePassword(db, { organizationId: input.organizationId, actorUserId: input.actorUserId, email: email.data, name, role: "rep" }, (trx, user) =>
    linkUserToGongUser(trx, { organizationId: input.organizationId, actorUserId: input.actorUserId, userId: user.id, gongUserId: gongUser.id, source: "email" }),
  );
}
