export interface Stats {
  totalRequests: number;
  http429: number;
  requestsByEndpoint: Record<string, Record<string, number>>;
  webhookDeliveries: number;
  webhookAttempts: number;
  webhookFailures: number;
  /** Faults injected on purpose (/__sim/faults), by kind; the rate limit's own 429s are in http429. */
  faultsInjected: FaultCounts;
}

export interface FaultCounts { http500: number; rateLimitBursts: number; burst429: number; latencySpikes: number; truncated: number; webhookCopies: number }

export function createStats(): Stats {
  return { totalRequests: 0, http429: 0, requestsByEndpoint: {}, webhookDeliveries: 0, webhookAttempts: 0, webhookFailures: 0,
    faultsInjected: { http500: 0, rateLimitBursts: 0, burst429: 0, latencySpikes: 0, truncated: 0, webhookCopies: 0 } };
}

/** Counts one answered request under its route template ("GET /v2/calls/{id}") and status. */
export function recordRequest(stats: Stats, endpoint: string, status: number): void {
  stats.totalRequests++;
  if (status === 429) stats.http429++;
  const byStatus = (stats.requestsByEndpoint[endpoint] ??= {});
  byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
}
