"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { updateOwnName } from "@/lib/users/update-own-name";

export type AccountNameState = { status: "idle" } | { status: "saved" } | { status: "error"; error: string };

const nameSchema = z.string().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters.");

export async function updateAccountName(_previous: AccountNameState, formData: FormData): Promise<AccountNameState> {
  const user = await requireUserOrRedirect();
  const name = nameSchema.safeParse(formData.get("name") ?? "");
  if (!name.success) return { status: "error", error: name.error.issues[0]?.message ?? "Enter a name." };
  await updateOwnName(db, { userId: user.id, name: name.data });
  revalidatePath("/", "layout");
  return { status: "saved" };
}
