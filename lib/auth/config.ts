import "server-only";
import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { getEnv } from "@/lib/env";

class RateLimitedSignIn extends CredentialsSignin {
  constructor(retryAfterMinutes: number) {
    super();
    this.code = `rate_limited:${retryAfterMinutes}`;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

function clientAddressOf(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}

export function createAuthConfig(): NextAuthConfig {
  return {
    secret: getEnv().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await authenticateWithPassword(db, {
            ...parsed.data,
            clientAddress: clientAddressOf(request),
          });
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
          if (result.reason === "rate_limited") throw new RateLimitedSignIn(result.retryAfterMinutes);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
