import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { HttpError, readJsonBody, sendJson } from "../http/respond";
import { matchRoute } from "../http/router";
import type { SimulatorState } from "../state";
import { CONTROL_ROUTES } from "./control-routes";

/** /__sim/* – the JSON control API tests and the demo use to steer the simulator. Never rate limited. */
export async function handleControlRequest(state: SimulatorState, request: IncomingMessage, response: ServerResponse, url: URL): Promise<number> {
  const match = matchRoute(CONTROL_ROUTES, request.method ?? "GET", url.pathname);
  if (match.kind !== "found") {
    const status = match.kind === "not-found" ? 404 : 405;
    sendJson(response, status, { error: status === 404 ? "Unknown control endpoint; see gong-simulator/README.md" : "Method not allowed" });
    return status;
  }
  try {
    const body = request.method === "POST" ? await readJsonBody(request, { anyContentType: true }) : undefined;
    const result = await match.route.handler(state, body, match.params);
    sendJson(response, 200, result);
    return 200;
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      sendJson(response, 400, { error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` });
      return 400;
    }
    if (error instanceof HttpError) {
      sendJson(response, error.status, { error: error.message });
      return error.status;
    }
    if (error instanceof Error && error.message.startsWith("`from`")) {
      sendJson(response, 400, { error: error.message });
      return 400;
    }
    throw error;
  }
}
