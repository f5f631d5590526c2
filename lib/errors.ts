import { z } from "zod";
import { logger } from "@/lib/observability/logger";

const HTTP_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  upstream_failed: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions & { headers?: Record<string, string> },
  ) {
    super(message, options);
    this.name = "AppError";
    this.headers = options?.headers;
  }
  readonly headers: Record<string, string> | undefined;
}

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/** The only place that turns an error into an HTTP response. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.message } },
      { status: HTTP_STATUS[error.code], headers: error.headers },
    );
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return Response.json(
      { error: { code: "bad_request", message: `${where}${issue?.message ?? "Invalid input."}` } },
      { status: 400 },
    );
  }
  if (isDatabaseUnavailable(error)) {
    // A database restarting (or failing over) is not the caller's fault nor a bug: the request is safe to repeat.
    return Response.json(
      { error: { code: "unavailable", message: "The database is briefly unavailable; try again shortly." } },
      { status: HTTP_STATUS.unavailable, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  logger.error({ error }, "unhandled error");
  return Response.json({ error: { code: "internal", message: "Something went wrong." } }, { status: 500 });
}

const DATABASE_RETRY_AFTER_SECONDS = 5;
// PostgreSQL's "connection exception" class (08…) and its shutdown and start-up codes: the server went away or is
// not accepting sessions yet; plus the socket errors of a server that is down.
const UNAVAILABLE_SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

/** True for the errors node-postgres raises while the database restarts or cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    if (/^Connection terminated( unexpectedly| due to connection timeout)?$/.test(current.message)) return true;
  }
  return false;
}
