import { type SecretRing, isSignatureOf, signText } from "./signed-text";

const PURPOSE = "callbridge session renewal";
const LIFETIME_SECONDS = 60;

/**
 * Moves the session a user is using to a new session version, so it outlives the ones a password change ended.
 * Auth.js runs the jwt callback with trigger "update" for any POST to /api/auth/session, with data the browser chose;
 * only this proof, made on the server with AUTH_SECRET for one user and version, moves the version. It never reaches
 * the browser: the server passes it straight to Auth.js (`unstable_update`).
 */
export function createSessionRenewal(secret: SecretRing, userId: string, sessionVersion: number, now = Date.now()): { renewal: string } {
  const text = `${userId}.${sessionVersion}.${Math.floor(now / 1000) + LIFETIME_SECONDS}`;
  return { renewal: `${text}.${signText(secret, PURPOSE, text)}` };
}

/** The session version a renewal for `userId` carries, or null for anything else (expired, forged, another user's). */
export function readSessionRenewal(secret: SecretRing, data: unknown, userId: string, now = Date.now()): number | null {
  const renewal = (data as { renewal?: unknown } | null | undefined)?.renewal;
  if (typeof renewal !== "string") return null;
  const [forUser, version, expires, signature, ...rest] = renewal.split(".");
  if (rest.length > 0 || forUser !== userId || !signature || Number(expires) < now / 1000) return null;
  if (!isSignatureOf(secret, PURPOSE, `${forUser}.${version}.${expires}`, signature)) return null;
  const sessionVersion = Number(version);
  return Number.isInteger(sessionVersion) ? sessionVersion : null;
}
