import type { IncomingMessage, ServerResponse } from "node:http";
import type { Random } from "../data/prng";
import { admitRequest } from "../limits/rate-limiter";
import { createRequestId, HttpError } from "../http/respond";
import { matchRoute } from "../http/router";
import { type SimulatorState, faultRandomFor } from "../state";
import { API_ROUTES } from "./api-routes";
import { authenticateCaller, callerIdentity } from "./auth";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One /v2 request, in Gong's order: route, rate limit (per company), injected faults, auth, handler.
 * Returns the route template and status for the stats.
 */
export async function handleApiRequest(state: SimulatorState, request: IncomingMessage, response: ServerResponse, url: URL) {
  const requestId = createRequestId();
  const match = matchRoute(API_ROUTES, request.method ?? "GET", url.pathname);
  const endpoint = match.kind === "found" ? `${match.route.method} ${match.route.template}` : `${request.method} (unknown /v2 path)`;
  const faultRandom = faultRandomFor(state, callerIdentity(state, request.headers.authorization));
  const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    ({ endpoint, status: writeApiResponse(state, faultRandom, response, requestId, status, body, headers) });
  if (match.kind === "not-found") return answer(404, { errors: ["Not Found"] });
  if (match.kind === "method-not-allowed") return answer(405, { errors: ["Method Not Allowed"] });

  const { faults } = state;
  const decision = admitRequest(state.limiter, { perSecond: faults.rateLimit, perDay: faults.dailyLimit });
  if (!decision.ok) {
    const message = decision.reason === "day" ? "API request limit exceeded: daily quota reached" : "API request limit exceeded";
    return answer(429, { errors: [message] }, { "Retry-After": String(decision.retryAfterSeconds) });
  }
  const burst = injectedBurst(state, faultRandom);
  if (burst !== null) return answer(429, { errors: ["API request limit exceeded"] }, { "Retry-After": String(burst) });
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (faults.latencySpikeRate > 0 && faultRandom.next() < faults.latencySpikeRate) {
    state.stats.faultsInjected.latencySpikes++;
    await sleep(faults.latencySpikeMs);
  }
  if (faults.errorRate > 0 && faultRandom.next() < faults.errorRate) {
    state.stats.faultsInjected.http500++;
    return answer(500, { errors: ["Internal server error occurred"] });
  }
  try {
    const caller = authenticateCaller(state, request);
    const result = await match.route.handler({ state, request, url, params: match.params, caller, endpoint });
    return answer(result.status ?? 200, result.body);
  } catch (error) {
    if (error instanceof HttpError) return answer(error.status, { errors: [error.message] }, error.headers);
    console.error("[gong-simulator] unhandled error on", endpoint, error);
    return answer(500, { errors: ["Internal server error occurred"] });
  }
}

/**
 * The rateLimitBurstRate fault: Gong sometimes answers 429 for a while whatever the client's own pace (another
 * app of the company spending the budget). Returns the Retry-After seconds while a burst is under way, else null.
 */
function injectedBurst(state: SimulatorState, faultRandom: Random, nowMs = Date.now()): number | null {
  const { rateLimitBurstRate, rateLimitBurstSeconds } = state.faults;
  if (nowMs >= state.burstUntilMs && rateLimitBurstRate > 0 && faultRandom.next() < rateLimitBurstRate) {
    state.burstUntilMs = nowMs + rateLimitBurstSeconds * 1000;
    state.stats.faultsInjected.rateLimitBursts++;
  }
  if (nowMs >= state.burstUntilMs) return null;
  state.stats.faultsInjected.burst429++;
  return Math.max(1, Math.ceil((state.burstUntilMs - nowMs) / 1000));
}

function writeApiResponse(state: SimulatorState, faultRandom: Random, response: ServerResponse, requestId: string, status: number, body: Record<string, unknown>, headers: Record<string, string>): number {
  const text = JSON.stringify({ requestId, ...body });
  response.writeHead(status, {
    // Gong's own spelling differs between successes and errors.
    "Content-Type": status < 400 ? "application/json;charset=UTF-8" : "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "x-traceid": requestId,
    "x-gong-service-version": "PublicApiServer:simulator",
    ...headers,
  });
  const { truncateRate } = state.faults;
  if (status === 200 && truncateRate > 0 && faultRandom.next() < truncateRate) {
    // A connection cut mid-body: headers promise the full length, half arrives, then the socket dies.
    state.stats.faultsInjected.truncated++;
    response.write(text.slice(0, Math.floor(text.length / 2)));
    setImmediate(() => response.destroy());
    return status;
  }
  response.end(text);
  return status;
}
