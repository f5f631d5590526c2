import type { DefaultSession } from "next-auth";
import type { Role } from "@/db/schema";

// The session JWT carries who the user is, their organization and their role as of sign-in; the session helper
// re-reads the user on every request, so a removed user or a changed role takes effect at once.
declare module "next-auth" {
  interface User {
    organizationId?: string;
    role?: Role;
  }
  interface Session {
    user: { id: string; organizationId: string; role: Role } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    organizationId?: string;
    role?: Role;
  }
}
