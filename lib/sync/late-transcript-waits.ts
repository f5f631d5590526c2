export const LATE_TRANSCRIPT_WINDOW_SECONDS = 48 * 3600;

/**
 * How long to wait before each check for a transcript Gong has not finished: doubling from `firstWaitSeconds`
 * until 48 hours have passed in total, so a transcript is never polled in a tight loop nor given up on early.
 */
export function lateTranscriptWaits(firstWaitSeconds: number, windowSeconds = LATE_TRANSCRIPT_WINDOW_SECONDS): number[] {
  const waits: number[] = [];
  let total = 0;
  for (let wait = Math.max(1, firstWaitSeconds); total < windowSeconds; wait *= 2) {
    const next = Math.min(wait, windowSeconds - total);
    waits.push(next);
    total += next;
  }
  return waits;
}
