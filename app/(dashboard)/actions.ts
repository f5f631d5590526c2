"use server";

import { signOut } from "@/lib/auth";

export async function signOutAndRedirect(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
