/**
 * What a log line must never carry: tokens, secrets, passwords, cookies, API keys and transcript text. Fields are
 * dropped by name at any depth; strings are scrubbed of bearer tokens and secret-bearing query parameters, since an
 * error message or a URL may embed one.
 */
const SECRET_KEY = /token|secret|passw|cookie|authori[sz]ation|api[-_]?key|^key$|url[-_]?key|signature|encrypted|credential|^code$|^state$|transcript|^text$|^sentences?$|^content$/i;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
const SECRET_PARAM = /([?&](?:key|token|access_token|refresh_token|code|state|client_secret|password)=)[^&\s"'#]+/gi;
const JWT_LIKE = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*(?:\.[\w-]*\.[\w-]*)?/g;

export const REDACTED = "[redacted]";
const MAX_DEPTH = 8;

export function scrubString(text: string): string {
  return text.replace(BEARER, `$1 ${REDACTED}`).replace(SECRET_PARAM, `$1${REDACTED}`).replace(JWT_LIKE, REDACTED);
}

/** A copy of `value` safe to log: secret fields censored, strings scrubbed, errors reduced to type, message, code and stack. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[deep]";
  seen.add(value);
  if (value instanceof Error) {
    const error: Record<string, unknown> = { type: value.name, message: scrubString(value.message) };
    const code = (value as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") error.code = code;
    if (value.stack) error.stack = scrubString(value.stack);
    if (value.cause !== undefined) error.cause = redact(value.cause, depth + 1, seen);
    return error;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Headers) return redact(Object.fromEntries(value), depth + 1, seen);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && field !== null && field !== undefined && typeof field !== "boolean" ? REDACTED : redact(field, depth + 1, seen);
  }
  return out;
}
