import "server-only";
import type { z } from "zod";

/**
 * A record of a Gong list that failed validation: which one, where and what was there, never the value itself
 * (it may be customer data).
 */
export type RejectedRecord = {
  /** Gong's id of the record as text; null when even the id could not be read. */
  gongId: string | null;
  /** The first failing field, relative to the record, e.g. `parties[2].speakerId`. */
  path: string;
  /** The JSON type found there: `string`, `number`, `boolean`, `null`, `array`, `object`, or `missing`. */
  valueType: string;
};

/**
 * Validates a list's records one by one, so one odd record costs itself and not the page of 100 it came in.
 * `idOf` picks the record's Gong id out of the raw JSON.
 */
export function parseRecords<S extends z.ZodType>(
  items: readonly unknown[],
  schema: S,
  idOf: (item: unknown) => unknown,
): { valid: z.output<S>[]; rejected: RejectedRecord[] } {
  const valid: z.output<S>[] = [];
  const rejected: RejectedRecord[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    const issuePath = parsed.error.issues[0]?.path ?? [];
    rejected.push({
      gongId: readId(idOf(item)),
      path: formatPath(issuePath),
      valueType: jsonTypeAt(item, issuePath),
    });
  }
  return { valid, rejected };
}

/** An id as text; a number only while exact (Gong's 19- and 20-digit ids are not, as JSON numbers). */
function readId(id: unknown): string | null {
  if (typeof id === "string") return id.trim() === "" ? null : id.trim();
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0 ? String(id) : null;
}

/** `["parties", 2, "speakerId"]` as `parties[2].speakerId`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text || "(record)";
}

/** The JSON type of the value at `path` inside `value`. */
export function jsonTypeAt(value: unknown, path: readonly PropertyKey[]): string {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return "missing";
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  if (current === undefined) return "missing";
  if (current === null) return "null";
  if (Array.isArray(current)) return "array";
  return typeof current;
}
