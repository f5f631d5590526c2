import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getRun, listRuns } from "../runs/list-runs.js";
import { isAuthorized } from "../common/signing.js";
import { handleCheckpoint, handleEvents, handleRegister, type ApiContext } from "./api-routes.js";
import { HttpError, sendHtml, sendJson } from "./respond.js";
import { renderRunsPage } from "./runs-page.js";
import { getHealth, listFunctionsWithErrors } from "./status.js";

/** The executor's HTTP surface, laid out like Inngest's dev server on :8288. */
export function createExecutorServer(context: ApiContext): Server {
  return createServer((req, res) => {
    route(context, req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message, status: error.status });
      if (error instanceof Error && error.name === "ZodError") return sendJson(res, 400, { error: error.message, status: 400 });
      console.error("[inngest-executor] request failed:", error);
      sendJson(res, 500, { error: "internal error", status: 500 });
    });
  });
}

async function route(context: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://executor");
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const method = req.method ?? "GET";
  let match: RegExpMatchArray | null;

  if (method === "POST" && (match = path.match(/^\/e\/([^/]+)$/))) {
    return sendJson(res, 200, await handleEvents(context, req, decodeURIComponent(match[1] ?? "")));
  }
  if (method === "POST" && path === "/fn/register") {
    const { status, body } = await handleRegister(context, req);
    return sendJson(res, status, body);
  }
  if (method === "POST" && (match = path.match(/^\/v1\/checkpoint\/([^/]+)\/async$/))) {
    return sendJson(res, 200, await handleCheckpoint(context, req, decodeURIComponent(match[1] ?? "")));
  }
  if (method !== "GET") throw new HttpError(404, `no route for ${method} ${path}`);
  const readable = canRead(context, req);
  if (path === "/health") {
    const health = await getHealth(context.pool, context.isStarting());
    // Anyone may probe; the functions, their errors and the database's message are for the key's holders.
    return sendJson(res, health.status === "error" || health.status === "starting" ? 503 : 200, readable ? health : { status: health.status });
  }
  if (!readable) {
    throw new HttpError(401, "reading runs and functions needs `Authorization: Bearer <signing key>` (or its hash), as Inngest's API does");
  }
  if (path === "/v1/functions") return sendJson(res, 200, await listFunctionsWithErrors(context.pool));
  if (path === "/v1/runs") {
    const filter = {
      functionId: url.searchParams.get("function_id") ?? undefined,
      status: url.searchParams.get("status") ?? undefined,
      limit: Number(url.searchParams.get("limit") ?? 100) || 100,
    };
    return sendJson(res, 200, { data: await listRuns(context.pool, filter) });
  }
  if ((match = path.match(/^\/v1\/runs\/([^/]+)$/))) {
    const run = await getRun(context.pool, decodeURIComponent(match[1] ?? ""));
    if (!run) throw new HttpError(404, "run not found");
    return sendJson(res, 200, { data: run });
  }
  if (path === "/") {
    const filter = { functionId: url.searchParams.get("function_id") ?? undefined, status: url.searchParams.get("status") ?? undefined };
    return sendHtml(res, renderRunsPage(await listRuns(context.pool, filter), await listFunctionsWithErrors(context.pool), filter));
  }
  throw new HttpError(404, `no route for ${method} ${path}`);
}

/**
 * Whether a request may read state (runs, events, step output, functions): it carries the signing key as Inngest's
 * API wants it, or it comes straight from loopback to a dev server (a proxy on the same host would make every
 * client look local, so a forwarded request never counts as local).
 */
function canRead(context: ApiContext, req: IncomingMessage): boolean {
  if (context.keys.signingKey && isAuthorized(req.headers.authorization, context.keys)) return true;
  const forwarded = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
  return context.dev && !forwarded && isLoopbackAddress(req.socket.remoteAddress);
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || /^(::ffff:)?127\./.test(address);
}
