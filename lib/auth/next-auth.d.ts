import type { DefaultSession } from "next-auth";
import type { Role } from "@/db/schema";

// The session JWT carries who the user is, their organization, their role and their session version as of sign-in;
// the session helper re-reads the user on every request, so a removed user, a changed role or ended sessions take
// effect at once.
declare module "next-auth" {
  interface User {
    organizationId?: string;
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; organizationId: string; role: Role; sessionVersion: number } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    organizationId?: string;
    role?: Role;
    sessionVersion?: number;
  }
}
