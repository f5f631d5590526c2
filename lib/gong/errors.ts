import "server-only";
import { AppError, type ErrorCode } from "@/lib/errors";

export type GongErrorDetails = {
  status?: number;
  requestId?: string | null;
  endpoint?: string;
  cause?: unknown;
};

/**
 * Base of every failure talking to Gong. `retriable` tells a job runner whether trying again can help.
 * Messages carry Gong's own text and requestId, never tokens.
 */
export abstract class GongError extends AppError {
  abstract readonly retriable: boolean;
  readonly status: number | undefined;
  readonly requestId: string | null;
  readonly endpoint: string | undefined;

  constructor(code: ErrorCode, message: string, details: GongErrorDetails = {}, headers?: Record<string, string>) {
    super(code, message, { cause: details.cause, headers });
    this.status = details.status;
    this.requestId = details.requestId ?? null;
    this.endpoint = details.endpoint;
  }
}

/**
 * The grant is gone: a 401/403 that names no scope (revoked app, inactive company, wrong regional host) or
 * `invalid_grant` from the token endpoint. The connection needs re-authorization.
 */
export class GongAuthRevokedError extends GongError {
  readonly retriable = false;
  constructor(
    readonly kind: "access_denied" | "invalid_grant",
    message: string,
    details?: GongErrorDetails,
  ) {
    super("upstream_failed", message, details);
    this.name = "GongAuthRevokedError";
  }
}

/** A 401 "You don't have permission to use '<scope>' in your app.": a missing grant, not a broken connection. */
export class GongScopeMissingError extends GongError {
  readonly retriable = false;
  constructor(
    readonly scope: string,
    message: string,
    details?: GongErrorDetails,
  ) {
    super("upstream_failed", message, details);
    this.name = "GongScopeMissingError";
  }
}

/** 429: Gong allows 3 requests/second and 10,000/day per company. */
export class GongRateLimitedError extends GongError {
  readonly retriable = true;
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
    details?: GongErrorDetails,
  ) {
    super("rate_limited", message, details, { "Retry-After": String(retryAfterSeconds) });
    this.name = "GongRateLimitedError";
  }
}

/** A specific entity does not exist ("Call ID … was not found", "User not found"). */
export class GongNotFoundError extends GongError {
  readonly retriable = false;
  constructor(message: string, details?: GongErrorDetails) {
    super("not_found", message, details);
    this.name = "GongNotFoundError";
  }
}

/** Gong refused the request as malformed or conflicting (400, 405, 409, 415): retrying won't help. */
export class GongRequestRejectedError extends GongError {
  readonly retriable = false;
  constructor(message: string, details?: GongErrorDetails) {
    super("upstream_failed", message, details);
    this.name = "GongRequestRejectedError";
  }
}

/**
 * Gong answered, readably, in a shape we cannot use: the same request will get the same answer, so it is not
 * retried. (One odd record in a list does not come here; lists validate record by record, see parse-records.)
 */
export class GongSchemaError extends GongError {
  readonly retriable = false;
  constructor(message: string, details?: GongErrorDetails) {
    super("upstream_failed", message, details);
    this.name = "GongSchemaError";
  }
}

/**
 * The token endpoint refused Callbridge itself (a wrong GONG_CLIENT_ID or GONG_CLIENT_SECRET, an app Gong no
 * longer knows): the operator's configuration, not the customer's grant, so the connection is not blamed.
 */
export class GongClientConfigError extends GongError {
  readonly retriable = false;
  constructor(message: string, details?: GongErrorDetails) {
    super("upstream_failed", message, details);
    this.name = "GongClientConfigError";
  }
}

/** 5xx, timeouts, network failures or unreadable JSON. */
export class GongUpstreamError extends GongError {
  readonly retriable = true;
  constructor(message: string, details?: GongErrorDetails) {
    super("upstream_failed", message, details);
    this.name = "GongUpstreamError";
  }
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; 1 when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date = new Date()): number {
  if (header === null || header.trim() === "") return 1;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return 1;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

const SCOPE_MESSAGE = /permission to use ['‘’"]([^'‘’"]+)['‘’"]/i;

/** The scope named by Gong's 401 message, if any. */
export function findMissingScope(messages: readonly string[]): string | undefined {
  for (const message of messages) {
    const scope = SCOPE_MESSAGE.exec(message)?.[1];
    if (scope) return scope;
  }
  return undefined;
}
