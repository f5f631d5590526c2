import { logger } from "@/lib/observability/logger";

/**
 * A warning logged at most once per interval, counting what happened since its last line, so a flood of bad requests
 * costs a line now and then instead of a line each.
 */
export function createThrottledWarning(message: string, intervalMs = 60_000): (count: number, details: Record<string, unknown>) => void {
  const state = { count: 0, loggedAt: 0 };
  return (count, details) => {
    state.count += count;
    const now = Date.now();
    if (now - state.loggedAt < intervalMs) return;
    logger.warn({ ...details, countSinceLastLine: state.count }, message);
    state.count = 0;
    state.loggedAt = now;
  };
}
