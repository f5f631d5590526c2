import { decode, encode } from "next-auth/jwt";

/**
 * A real Auth.js session for code that calls `auth()` outside a Next.js request: the test signs a JWT session
 * cookie exactly as the app's sign-in does (same secret, same cookie name), and `next/headers` answers with the
 * request headers that carry it. Everything after the cookie (Auth.js decoding it, the jwt/session callbacks,
 * reading the user from PostgreSQL, the organization, session-version and role checks) is the product's own code.
 *
 * In a test file:
 *   vi.mock("next/headers", async () => (await import("@/test-support/signed-in-request")).nextHeadersModule);
 * then `await signInWith({ sub, organizationId, role, sessionVersion })`, or `signOut()`.
 */

/** Over plain http on localhost Auth.js uses the unprefixed cookie name (no `__Secure-`). */
const SESSION_COOKIE = "authjs.session-token";

const request = { cookie: "", set: [] as { name: string; value: string }[] };

/** Stands in for `next/headers`, a Next.js module (not ours): only what Auth.js and the app read from it. */
export const nextHeadersModule = {
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", cookie: request.cookie }),
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && request.cookie ? { name, value: request.cookie.slice(SESSION_COOKIE.length + 1) } : undefined),
    set: (name: string, value: string) => void request.set.push({ name, value }),
    delete: () => undefined,
  }),
};

export type SessionClaims = { sub: string; organizationId?: string; role?: string; sessionVersion?: number; email?: string; name?: string };

/** The JWT session cookie the app issues at sign-in (lib/auth/config.ts's jwt callback), signed with AUTH_SECRET. */
export async function signInWith(claims: SessionClaims): Promise<void> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("signInWith: set AUTH_SECRET first, as the app reads it");
  const token = await encode({ token: claims, secret, salt: SESSION_COOKIE, maxAge: 3600 });
  request.cookie = `${SESSION_COOKIE}=${token}`;
}

export function signOut(): void {
  request.cookie = "";
  request.set.length = 0;
}

/** The claims of the last session cookie the code under test set (Auth.js issuing one anew), decoded as Auth.js does. */
export async function lastSessionCookieSet(): Promise<Record<string, unknown> | null> {
  const cookie = request.set.findLast((each) => each.name === SESSION_COOKIE);
  if (!cookie) return null;
  return decode({ token: cookie.value, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
}
