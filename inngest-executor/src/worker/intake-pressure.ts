/**
 * Whether events are pouring in: at least `requests` event requests within the last `windowMs`. A burst of
 * webhooks arrives as dozens of requests a second; a run's own `step.sendEvent`, a page sync or a click sends a
 * few, and never counts as one.
 */
export type IntakePressure = { noteRequest(now?: number): void; isBusy(now?: number): boolean };

export function createIntakePressure({ requests = 10, windowMs = 250 } = {}): IntakePressure {
  // The times of the last `requests` event requests, oldest first once full.
  const times: number[] = [];
  return {
    noteRequest(now = Date.now()) {
      times.push(now);
      if (times.length > requests) times.shift();
    },
    isBusy(now = Date.now()) {
      return times.length === requests && now - times[0]! < windowMs;
    },
  };
}
