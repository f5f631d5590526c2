/**
 * Stands in for an admin on Gong's consent page: posts the simulator's consent form for `authorizeUrl`
 * with the given scopes ticked and returns where Gong redirects (the callback URL with code and state).
 */
export async function answerGongConsent(
  authorizeUrl: string,
  options: { decision?: "approve" | "deny"; scopes?: readonly string[] } = {},
): Promise<URL> {
  const url = new URL(authorizeUrl);
  const requested = url.searchParams.get("scope") ?? "";
  const form = new URLSearchParams({
    client_id: url.searchParams.get("client_id") ?? "",
    redirect_uri: url.searchParams.get("redirect_uri") ?? "",
    state: url.searchParams.get("state") ?? "",
    requested_scope: requested,
    decision: options.decision ?? "approve",
  });
  for (const scope of options.scopes ?? requested.split(" ")) form.append("scope", scope);
  const response = await fetch(url.origin + url.pathname, { method: "POST", body: form, redirect: "manual" });
  const location = response.headers.get("location");
  if (!location) throw new Error(`consent page answered ${response.status} without a redirect`);
  return new URL(location);
}
