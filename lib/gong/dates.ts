import "server-only";

export type GongDateInput = Date | string;

/** Gong accepts ISO-8601 with `Z` or an offset; Dates are sent as UTC. */
export function toGongDateTime(value: GongDateInput): string;
export function toGongDateTime(value: GongDateInput | undefined): string | undefined;
export function toGongDateTime(value: GongDateInput | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (Number.isNaN(value.getTime())) throw new RangeError("Invalid date passed to the Gong client");
  // Gong's own examples carry no fraction; drop a zero one.
  return value.toISOString().replace(/\.000Z$/, "Z");
}
