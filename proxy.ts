import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { buildContentSecurityPolicy, getTransportSecurityHeaders } from "@/lib/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PAGES = ["/sign-in", "/gong-connected"];

/**
 * Every page gets a Content-Security-Policy with a fresh nonce. It is set on the request too, which is where Next
 * reads the nonce from to put it on the scripts it renders (so pages must render per request: app/layout.tsx).
 *
 * Optimistic only: sends visitors without a session cookie to sign-in. Every page, action and route still checks the
 * session itself through lib/auth/session.ts.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const policy = buildContentSecurityPolicy({
    nonce: Buffer.from(crypto.randomUUID()).toString("base64"),
    appUrl: env.APP_URL,
    gongOAuthBaseUrl: env.GONG_OAUTH_BASE_URL,
    development: process.env.NODE_ENV === "development",
  });
  const response = needsSignIn(request) ? redirectToSignIn(request) : passOn(request, policy);
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(getTransportSecurityHeaders(env.APP_URL))) response.headers.set(name, value);
  return response;
}

function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return false;
  return !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

function redirectToSignIn(request: NextRequest): NextResponse {
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("next", target);
  return NextResponse.redirect(signIn);
}

function passOn(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg|robots.txt).*)"],
};
