import { AppError } from "@/lib/errors";

/**
 * Refuses a state-changing request a page on another site made the browser send (CSRF). Browsers send `Origin`
 * with every POST, and `Sec-Fetch-Site` with every request, and a page can forge neither; a request carrying
 * neither is no browser's, so no cross-site page's either. The session cookie being SameSite=Lax is the other layer.
 */
export function requireSameOriginRequest(request: Request, appUrl: string): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const sameOrigin = origin !== null ? origin === new URL(appUrl).origin : site === null || site === "same-origin";
  if (!sameOrigin) throw new AppError("forbidden", "This request came from another site, so it was refused. Start again from Callbridge's own page.");
}
