import type { Turn } from "./build-turns";
import { roundTo } from "./round";
import type { Interactivity } from "./types";

/**
 * Gong does not publish its interactivity formula; ours is linear in speaker switches per minute and
 * reaches the top of the 0–10 scale at 8 switches a minute: score = min(10, 10 × switchesPerMinute / 8).
 * A lecture scores near 0; a lively discovery call (4–6 switches a minute) scores 5–7.5.
 */
export const SWITCHES_PER_MINUTE_FOR_TOP_SCORE = 8;

/** `minutes` is the spoken span of the call (first sentence start to last sentence end). */
export function computeInteractivity(turns: Turn[]): Interactivity {
  const first = turns[0];
  const switches = Math.max(0, turns.length - 1);
  const endMs = turns.reduce((latest, turn) => Math.max(latest, turn.endMs), 0);
  const spanMs = first ? endMs - first.startMs : 0;
  const minutes = spanMs / 60_000;
  const switchesPerMinute = minutes > 0 ? switches / minutes : 0;
  const score = Math.min(10, (10 * switchesPerMinute) / SWITCHES_PER_MINUTE_FOR_TOP_SCORE);
  return {
    switches,
    minutes: roundTo(minutes, 2),
    switchesPerMinute: roundTo(switchesPerMinute, 2),
    score: roundTo(score, 1),
  };
}
