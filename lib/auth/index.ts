import "server-only";
import NextAuth from "next-auth";
import { createAuthConfig } from "@/lib/auth/config";

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => createAuthConfig());
