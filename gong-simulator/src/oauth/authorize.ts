import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, redirect, sendHtml } from "../http/respond";
import type { SimulatorState } from "../state";
import { buildRedirect, findOAuthApp, isRedirectUriAllowed } from "./apps";
import { renderConsentPage, renderErrorPage } from "./consent-page";
import { isKnownScope } from "./scopes";

function signedInAs(state: SimulatorState) {
  const users = state.dataset.company.users;
  const user = state.consentMode === "technical-admin" ? users[0]! : (users[1] ?? users[0]!);
  return { name: `${user.firstName} ${user.lastName}`, email: user.emailAddress, technicalAdmin: state.consentMode === "technical-admin" };
}

/** GET and POST /oauth2/authorize – the consent screen and the decision on it. */
export async function handleAuthorize(state: SimulatorState, request: IncomingMessage, response: ServerResponse, url: URL): Promise<number> {
  const params = request.method === "POST" ? new URLSearchParams((await readBody(request)).toString("utf8")) : url.searchParams;
  const app = findOAuthApp(state, params.get("client_id"));
  if (!app) return page(response, 400, "Unknown application", "The client_id in this link does not belong to any app registered with Gong.");
  const redirectUri = params.get("redirect_uri");
  if (!isRedirectUriAllowed(app, redirectUri)) {
    return page(response, 400, "Invalid redirect URI", `The redirect_uri "${redirectUri ?? ""}" is not registered for ${app.name}.`);
  }
  const oauthState = params.get("state");
  const fail = (error: string, description?: string) => (redirect(response, buildRedirect(redirectUri, { error, error_description: description, state: oauthState })), 302);
  const requested = (params.get(request.method === "POST" ? "requested_scope" : "scope") ?? "").split(" ").filter(Boolean);
  if (request.method === "GET" && params.get("response_type") !== "code") return fail("unsupported_response_type");
  if (requested.length === 0 || !requested.every(isKnownScope)) return fail("invalid_scope", "Unknown or missing scope");
  const consent = { companyName: state.dataset.company.name, appName: app.name, clientId: app.clientId, redirectUri, state: oauthState, scopes: requested, signedInAs: signedInAs(state) };
  if (request.method === "GET") return (sendHtml(response, 200, renderConsentPage(consent)), 200);

  if (params.get("decision") !== "approve" || !consent.signedInAs.technicalAdmin) return fail("access_denied");
  const granted = params.getAll("scope").filter((scope) => requested.includes(scope));
  if (granted.length === 0) {
    sendHtml(response, 400, renderConsentPage({ ...consent, notice: "Select at least one permission, or choose Deny." }));
    return 400;
  }
  const code = randomBytes(24).toString("base64url");
  state.codes.set(code, { clientId: app.clientId, scopes: granted, redirectUri, expiresAtMs: Date.now() + state.config.codeTtlSeconds * 1000, used: false });
  redirect(response, buildRedirect(redirectUri, { code, state: oauthState }));
  return 302;
}

function page(response: ServerResponse, status: number, title: string, message: string): number {
  sendHtml(response, status, renderErrorPage(title, message));
  return status;
}
