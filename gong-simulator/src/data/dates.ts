/**
 * Gong's date-times carry an offset and vary in precision ("…07.428+02:00", "…37.041977-07:00", "…00Z").
 * Printed µs digits past the millisecond are noise under 1 ms, so parsing gives back `epochMs`.
 */
export type Precision = "seconds" | "millis" | "micros";

export function formatGongDate(epochMs: number, offsetMinutes: number, precision: Precision, microsNoise = 0): string {
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  const base = shifted.toISOString().slice(0, 19);
  const millis = String(shifted.getUTCMilliseconds()).padStart(3, "0");
  const fraction =
    precision === "seconds" ? "" : precision === "millis" ? `.${millis}` : `.${millis}${String(microsNoise % 1000).padStart(3, "0")}`;
  return `${base}${fraction}${formatOffset(offsetMinutes)}`;
}

function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "Z";
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Lenient ISO-8601 parse; undefined when absent, NaN-safe. */
export function parseGongDate(value: string | undefined): number | undefined | "invalid" {
  if (value === undefined || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? "invalid" : ms;
}

export const OFFSETS_MINUTES = [-420, -300, -240, 0, 60, 120, 330] as const;
