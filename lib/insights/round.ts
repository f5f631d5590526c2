/** Rounds for storage and display; insights are JSON, so no long float tails. */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function toSeconds(ms: number): number {
  return roundTo(ms / 1000, 2);
}
