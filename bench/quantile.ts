/** The value at quantile `q` (0–1) of ascending `sorted`, by rank ⌊q·n⌋; undefined when there is none. */
export function quantile(sorted: readonly number[], q: number): number | undefined {
  return sorted.length === 0 ? undefined : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
