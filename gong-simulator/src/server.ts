import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApiRequest } from "./api/handle-api";
import { handleControlRequest } from "./control/handle-control";
import { HttpError, sendHtml, sendJson } from "./http/respond";
import { recordRequest } from "./limits/stats";
import { serveMedia } from "./media/serve-media";
import { handleAuthorize } from "./oauth/authorize";
import { renderErrorPage } from "./oauth/consent-page";
import { handleTokenRequest } from "./oauth/token";
import type { SimulatorState } from "./state";
import { serveCallPage } from "./web/call-page";

/** Top-level dispatch by path family; every answer except /__sim is counted in the stats. */
export function createRequestListener(state: SimulatorState) {
  return (request: IncomingMessage, response: ServerResponse) => {
    void dispatch(state, request, response).catch((error: unknown) => {
      console.error("[gong-simulator] request failed", request.method, request.url, error);
      if (!response.headersSent) sendJson(response, error instanceof HttpError ? error.status : 500, { error: error instanceof Error ? error.message : "Internal error" });
      else response.destroy();
    });
  };
}

async function dispatch(state: SimulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://simulator.local");
  const path = url.pathname;
  if (path.startsWith("/__sim/")) {
    const status = await handleControlRequest(state, request, response, url);
    log(state, request, status);
    return;
  }
  let endpoint = `${request.method} ${path}`;
  let status: number;
  if (path.startsWith("/v2/")) {
    const result = await handleApiRequest(state, request, response, url);
    endpoint = result.endpoint;
    status = result.status;
  } else if (path === "/oauth2/authorize" && (request.method === "GET" || request.method === "POST")) {
    status = await handleAuthorize(state, request, response, url);
  } else if (path === "/oauth2/generate-customer-token") {
    status = await handleTokenRequest(state, request, response, url);
  } else if (path.startsWith("/media/") && (request.method === "GET" || request.method === "HEAD")) {
    endpoint = `${request.method} /media/{callId}.${path.endsWith(".webm") ? "webm" : "wav"}`;
    status = serveMedia(state, request, response, url);
  } else if (path === "/call" && request.method === "GET") {
    status = serveCallPage(state, response, url);
  } else {
    status = 404;
    sendHtml(response, 404, renderErrorPage("Not found", `Nothing at ${path}. The simulator serves /v2, /oauth2, /media and /__sim.`));
  }
  recordRequest(state.stats, endpoint, status);
  log(state, request, status);
}

function log(state: SimulatorState, request: IncomingMessage, status: number): void {
  if (state.config.log) console.log(`[gong-simulator] ${request.method} ${request.url?.split("?")[0]} ${status}`);
}
