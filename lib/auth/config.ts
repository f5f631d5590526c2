import "server-only";
import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";
import { db } from "@/db";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { getClientAddress } from "@/lib/auth/client-address";
import { DEVICE_COOKIE_NAME, DEVICE_TOKEN_MAX_AGE_SECONDS, readDeviceCookie } from "@/lib/auth/device-token";
import { readSessionRenewal } from "@/lib/auth/session-renewal";
import { secretsOf } from "@/lib/auth/signed-text";
import type { RateLimitScope } from "@/lib/auth/sign-in-limits";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/observability/logger";

/** Carries which limit was hit and for how long to the sign-in action, which words the message. */
class RateLimitedSignIn extends CredentialsSignin {
  constructor(scope: RateLimitScope, retryAfterMinutes: number) {
    super();
    this.code = `rate_limited:${scope}:${retryAfterMinutes}`;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/** Remembers this browser for the user just signed in to, so failures others cause cannot lock it out. */
async function rememberDevice(deviceToken: string): Promise<void> {
  const env = getEnv();
  try {
    (await cookies()).set(DEVICE_COOKIE_NAME, deviceToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.APP_URL.startsWith("https:"),
      path: "/",
      maxAge: DEVICE_TOKEN_MAX_AGE_SECONDS,
    });
  } catch (error) {
    // Outside a request that may set cookies; the sign-in stands, only the browser is not remembered.
    logger.warn({ error }, "sign-in: could not set the device cookie");
  }
}

export function createAuthConfig(): NextAuthConfig {
  return {
    // Auth.js encrypts with the first secret and tries each to decrypt: AUTH_SECRET rotates without signing anyone out.
    secret: secretsOf(getEnv().AUTH_SECRET),
    trustHost: true,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      // No `credentials` fields: they only shape Auth.js's own sign-in page, which is never served (pages.signIn);
      // authorize gets the posted body whatever they say, and parses it itself.
      Credentials({
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const env = getEnv();
          const result = await authenticateWithPassword(db, {
            ...parsed.data,
            client: getClientAddress(request.headers, env.TRUSTED_PROXY_HOPS),
            deviceToken: readDeviceCookie(request.headers.get("cookie")),
            secret: env.AUTH_SECRET,
          });
          if (result.ok) {
            await rememberDevice(result.deviceToken);
            const { user } = result;
            return {
              id: user.id,
              email: user.email,
              name: user.name,
              organizationId: user.organization_id,
              role: user.role,
              sessionVersion: user.session_version,
            };
          }
          if (result.reason === "rate_limited") throw new RateLimitedSignIn(result.scope, result.retryAfterMinutes);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user, trigger, session }) {
        if (user?.id) {
          Object.assign(token, { sub: user.id, organizationId: user.organizationId, role: user.role, sessionVersion: user.sessionVersion });
        }
        if (trigger === "update" && token.sub) {
          const sessionVersion = readSessionRenewal(getEnv().AUTH_SECRET, session, token.sub);
          if (sessionVersion !== null) token.sessionVersion = sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) {
          Object.assign(session.user, { id: token.sub, organizationId: token.organizationId, role: token.role, sessionVersion: token.sessionVersion ?? 0 });
        }
        return session;
      },
    },
  };
}
