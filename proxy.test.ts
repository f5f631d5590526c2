import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadProxy(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("DATABASE_URL", "postgres://unused");
  vi.stubEnv("AUTH_SECRET", "a-test-secret-of-at-least-thirty-two-characters");
  vi.stubEnv("GONG_OAUTH_BASE_URL", "https://app.gong.io");
  return (await import("./proxy")).proxy;
}

const signedIn = { cookie: "authjs.session-token=x" };
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

afterEach(() => vi.unstubAllEnvs());

describe("proxy: the pages' security headers", () => {
  it("gives every page a policy with a fresh nonce, and hands the same policy to Next, which puts the nonce on its scripts", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    // A policy the client sent along is no way to choose the nonce: it is replaced.
    const request = () => new NextRequest("http://localhost:3000/calls", { headers: { ...signedIn, "content-security-policy": "script-src 'nonce-mine'" } });
    const first = proxy(request());
    const second = proxy(request());
    const policy = first.headers.get("content-security-policy");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{40,}' 'strict-dynamic'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self' https://app.gong.io");
    expect(first.headers.get("x-middleware-next")).toBe("1");
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonceOf(policy));
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("sends anonymous visitors to sign-in, with the policy on the redirect too, and lets them reach sign-in", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    const redirected = proxy(new NextRequest("http://localhost:3000/settings/users?tab=1"));
    expect(redirected.headers.get("location")).toBe("http://localhost:3000/sign-in?next=%2Fsettings%2Fusers%3Ftab%3D1");
    expect(redirected.headers.get("content-security-policy")).toContain("default-src 'self'");
    const signIn = proxy(new NextRequest("http://localhost:3000/sign-in"));
    expect(signIn.headers.get("location")).toBeNull();
    expect(signIn.headers.get("x-middleware-request-content-security-policy")).toContain("'nonce-");
  });

  it("adds HSTS and upgrades insecure requests when the app is served over https", async () => {
    const proxy = await loadProxy("https://callbridge.example.com");
    const response = proxy(new NextRequest("https://callbridge.example.com/calls", { headers: signedIn }));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(response.headers.get("content-security-policy")).toContain("media-src 'self' https:;");
  });
});
