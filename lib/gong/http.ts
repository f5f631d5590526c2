import "server-only";
import type { z } from "zod";
import {
  findMissingScope,
  GongAuthRevokedError,
  type GongError,
  type GongErrorDetails,
  GongNotFoundError,
  GongRateLimitedError,
  GongRequestRejectedError,
  GongSchemaError,
  GongScopeMissingError,
  GongUpstreamError,
  parseRetryAfter,
} from "./errors";
import type { Span } from "@opentelemetry/api";
import { logger } from "@/lib/observability/logger";
import { otelInstruments } from "@/lib/observability/otel-metrics";
import { withSpan } from "@/lib/observability/tracing";
import { errorResponseSchema } from "./schemas/common";

export type GongContext = {
  /** The connection's `api_base_url_for_customer`, e.g. `https://us-49467.api.gong.io`. */
  baseUrl: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** The caller's per-connection pacer, awaited before every request. */
  beforeRequest?: (endpoint: string) => Promise<void>;
  /** Called once per request for counting; status 0 means no response arrived (network error or timeout). */
  afterResponse?: (endpoint: string, status: number) => void | Promise<void>;
  /** Called with the error Gong's answer means, before it is thrown (e.g. to record that the grant is gone). */
  onError?: (error: GongError) => void | Promise<void>;
};

export type GongRequest<S extends z.ZodType> = {
  method: "GET" | "POST";
  /** Path template used as the endpoint label, e.g. `/v2/calls/{id}`. */
  endpoint: string;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  schema: S;
  /** List endpoints: Gong answers a request that matched nothing with a 404 (see isNoResults404); null then. */
  emptyOn404?: boolean;
};

export const DEFAULT_TIMEOUT_MS = 30_000;

/** "No calls found corresponding to the provided filters", "No calls found for the specified period", "No folders found …". */
const NOTHING_MATCHED = /^\s*no\s+[\w\s-]*?\bfound\b|found corresponding to the provided filters/i;

/**
 * Whether a list endpoint's 404 means "nothing matched", told by its shape rather than one exact text: Gong's
 * error body with a message saying nothing was found (Gong's recorded and documented wordings differ), or no body
 * at all (seen behind proxies). A 404 naming one entity ("Call ID … was not found"), a gateway's "Not Found" or
 * any other body stays an error: reading those as "no calls" would end a sync early and silently.
 */
export function isNoResults404(text: string, messages: readonly string[]): boolean {
  if (text.trim() === "") return true;
  return messages.some((message) => NOTHING_MATCHED.test(message));
}

/** One request to Gong, parsed with `schema`. Never retries: callers (Inngest) decide. */
export async function requestGong<S extends z.ZodType>(
  ctx: GongContext,
  request: GongRequest<S> & { emptyOn404: true },
): Promise<z.output<S> | null>;
export async function requestGong<S extends z.ZodType>(
  ctx: GongContext,
  request: GongRequest<S> & { emptyOn404?: false },
): Promise<z.output<S>>;
export async function requestGong<S extends z.ZodType>(
  ctx: GongContext,
  request: GongRequest<S>,
): Promise<z.output<S> | null> {
  const label = `${request.method} ${request.endpoint}`;
  return withSpan("gong.request", { "gong.endpoint": label }, (span) => sendAndRead(ctx, request, label, span));
}

async function sendAndRead<S extends z.ZodType>(ctx: GongContext, request: GongRequest<S>, label: string, span: Span): Promise<z.output<S> | null> {
  const pacingFrom = performance.now();
  await ctx.beforeRequest?.(label);
  const startedAt = performance.now();
  span.setAttribute("gong.pacer_wait_ms", Math.round(startedAt - pacingFrom));
  const { status, headers, text } = await send(ctx, request, label);
  span.setAttributes({ "http.response.status_code": status, "gong.rate_limited": status === 429 });
  otelInstruments().gongRequests.add(1, { "gong.endpoint": label, "http.response.status_code": status });
  otelInstruments().gongPacerWait.record(startedAt - pacingFrom, { "gong.endpoint": label });
  if (status === 429) span.setAttribute("gong.retry_after", headers.get("retry-after") ?? "");
  await ctx.afterResponse?.(label, status);

  const json = parseJson(text);
  const envelope = errorResponseSchema.safeParse(json);
  const requestId = (envelope.success ? envelope.data.requestId : null) ?? headers.get("x-traceid");
  const line = { endpoint: label, status, durationMs: Math.round(performance.now() - startedAt), gongRequestId: requestId };
  if (status === 429) logger.warn({ ...line, retryAfter: headers.get("retry-after") }, "gong request rate-limited");
  else logger.debug(line, "gong request");
  const details: GongErrorDetails = { status, requestId, endpoint: label };
  if (status >= 200 && status < 300) {
    if (json === undefined) throw new GongUpstreamError(`Gong sent unreadable JSON for ${label}`, details);
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      throw new GongSchemaError(`Gong's response to ${label} did not match the expected shape: ${summarise(parsed.error)}`, {
        ...details,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  const messages = envelope.success ? [...envelope.data.errors.map(describeError), ...(envelope.data.message ? [envelope.data.message] : [])] : [];
  if (status === 404 && request.emptyOn404 && isNoResults404(text, messages)) return null;
  const error = toGongError(status, messages, headers, details);
  await ctx.onError?.(error);
  throw error;
}

async function send(ctx: GongContext, request: GongRequest<z.ZodType>, label: string) {
  const url = new URL(`${ctx.baseUrl.replace(/\/+$/, "")}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  const headers: Record<string, string> = { Authorization: `Bearer ${ctx.accessToken}`, Accept: "application/json" };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  const doFetch = ctx.fetch ?? fetch;
  try {
    const response = await doFetch(url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    await ctx.afterResponse?.(label, 0);
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const reason = timedOut ? "timed out" : "failed before a response arrived";
    throw new GongUpstreamError(`Gong request ${label} ${reason}`, { endpoint: label, cause: error });
  }
}

function toGongError(status: number, messages: string[], headers: Headers, details: GongErrorDetails) {
  const said = messages.length > 0 ? messages.join("; ") : `HTTP ${status}`;
  const suffix = details.requestId ? ` (requestId ${details.requestId})` : "";
  if (status === 401 || status === 403) {
    const scope = findMissingScope(messages);
    if (scope) return new GongScopeMissingError(scope, `Gong needs the scope ${scope}: ${said}${suffix}`, details);
    return new GongAuthRevokedError("access_denied", `Gong denied access: ${said}${suffix}`, details);
  }
  if (status === 429) {
    const seconds = parseRetryAfter(headers.get("retry-after"));
    return new GongRateLimitedError(seconds, `Gong rate limit reached; retry after ${seconds} s${suffix}`, details);
  }
  if (status === 404) return new GongNotFoundError(`Gong: ${said}${suffix}`, details);
  if (status >= 400 && status < 500) return new GongRequestRejectedError(`Gong rejected the request: ${said}${suffix}`, details);
  return new GongUpstreamError(`Gong failed: ${said}${suffix}`, details);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeError(error: string | Record<string, unknown>): string {
  if (typeof error === "string") return error;
  const text = error.description ?? error.message;
  return typeof text === "string" ? text : JSON.stringify(error);
}

/** Paths and messages only: payload values may be customer data. */
function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}
