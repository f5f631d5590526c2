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
  logger.error({ error }, "unhandled error");
  return Response.json({ error: { code: "internal", message: "Something went wrong." } }, { status: 500 });
}
