import type { Turn } from "./build-turns";
import { roundTo } from "./round";
import type { Patience } from "./types";

/**
 * Average pause before an internal speaker starts after an external one finishes. Talking over the
 * customer counts as a zero pause, not a negative one, so interruptions pull the average down.
 */
export function computePatience(turns: Turn[]): Patience {
  let totalMs = 0;
  let samples = 0;
  for (let position = 1; position < turns.length; position++) {
    const previous = turns[position - 1];
    const current = turns[position];
    if (!previous || !current || previous.side !== "external" || current.side !== "internal") continue;
    totalMs += Math.max(0, current.startMs - previous.endMs);
    samples += 1;
  }
  return { averagePauseSeconds: samples > 0 ? roundTo(totalMs / samples / 1000, 2) : null, samples };
}
