import { type NextRequest, NextResponse } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Optimistic only: sends visitors without a session cookie to sign-in. Every page, action and route
// still checks the session itself through lib/auth/session.ts.
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("next", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|_next/|sign-in|gong-connected|favicon.ico|icon.svg|robots.txt).*)"],
};
