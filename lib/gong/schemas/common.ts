import "server-only";
import { z } from "zod";

/** Absent and null mean the same thing in Gong payloads; callers see `null`. */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? null);
}

/** Absent, null and empty lists mean the same thing; callers see `[]`. */
export function list<T extends z.ZodType>(schema: T) {
  return z
    .array(schema)
    .nullish()
    .transform((value) => value ?? []);
}

/**
 * A section Callbridge only keeps as JSON (content, interaction, CRM context, …) and reads leniently later:
 * accepted as Gong sent it, whatever its inner types, so a drifted tracker id or a stat sent as text costs
 * nothing. Absent means null. Fields Callbridge computes on are validated by their own schemas instead.
 */
export const storedJson = z.unknown().optional().transform((value): unknown => value ?? null);

/**
 * Gong ids are digit strings of up to 20 digits, beyond Number.MAX_SAFE_INTEGER, so a number here has already
 * lost precision and is rejected rather than silently corrupted.
 */
export const gongIdSchema = z.string().min(1).max(64);

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses ISO-8601 with any fraction precision (Gong sends µs) and any offset; undefined when unreadable. */
export function parseGongDateTime(text: string): Date | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone = "Z"] = match;
  const millis = Number(fraction.slice(0, 3).padEnd(3, "0"));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  const date = new Date(utc - offsetMinutes(zone) * 60_000);
  const valid =
    Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31 &&
    Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60;
  return valid && !Number.isNaN(date.getTime()) ? date : undefined;
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

/**
 * A Gong date-time as a UTC ISO string (millisecond precision). The spec's examples show epoch seconds
 * (`1518863400.0`), a code-generator artifact, so numbers are read as epoch seconds too.
 */
export const gongDateTimeSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const date = typeof value === "number" ? new Date(value * 1000) : parseGongDateTime(value);
  if (!date || Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "Unreadable date-time" });
    return z.NEVER;
  }
  return date.toISOString();
});

/** https://gong.app.gong.io/settings/api/documentation#overview (Cursors) */
export const recordsSchema = z.looseObject({
  totalRecords: nullable(z.number()),
  currentPageSize: nullable(z.number()),
  currentPageNumber: nullable(z.number()),
  cursor: nullable(z.string()),
});
export type Records = z.infer<typeof recordsSchema>;

/** Errors are plain strings except on a few endpoints (`/v2/crm/request-status` sends objects). */
export const errorResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  errors: list(z.union([z.string(), z.looseObject({})])),
  /** Gateways in front of Gong answer `{"message": "…"}`. */
  message: z.unknown().optional().transform((value) => (typeof value === "string" ? value : null)),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
