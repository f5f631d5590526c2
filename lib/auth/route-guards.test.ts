import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const API_ROOT = fileURLToPath(new URL("../../app/api", import.meta.url));

/** Routes that do not take a signed-in user, and what guards them instead. */
const NOT_FOR_SIGNED_IN_USERS: Record<string, RegExp> = {
  "auth/[...nextauth]": /handlers/, // next-auth's own sign-in and sign-out
  inngest: /serve\(/, // the Inngest SDK checks the request signature
  health: /pingDatabase/, // public by design: no data
  "webhooks/gong/[connectionId]": /getGongWebhookReceiver\(/, // Gong's signed JWT or URL key
  "gong/oauth/callback": /completeGongOAuth/, // the single-use state; the session only has to match its issuer
};

function listRouteFiles(dir = API_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("every route handler under app/api", () => {
  it("checks the caller through lib/auth/session.ts, an API key, or a guard of its own listed here", () => {
    const routes = listRouteFiles();
    expect(routes.length).toBeGreaterThan(10);
    for (const file of routes) {
      const route = relative(API_ROOT, join(file, "..")).split(sep).join("/");
      const source = readFileSync(file, "utf8");
      if (route === "v1" || route.startsWith("v1/")) {
        expect(source, route).toMatch(/createApiRoute\(|withMethodNotAllowed\(|answerUnknownEndpoint/);
      } else if (route in NOT_FOR_SIGNED_IN_USERS) {
        expect(source, route).toMatch(NOT_FOR_SIGNED_IN_USERS[route]!);
      } else {
        // requireUserOrThrow (or requireAdminOrThrow, which calls it) also refuses a pending one-time password.
        expect(source, `${route} must call requireUserOrThrow or requireAdminOrThrow`).toMatch(/\brequire(User|Admin)OrThrow\(/);
        expect(source, `${route} must not decide on the session itself`).not.toMatch(/\bgetSessionUser\(|\bauth\(\)/);
      }
    }
  });
});
