export interface Stats {
  totalRequests: number;
  http429: number;
  requestsByEndpoint: Record<string, Record<string, number>>;
  webhookDeliveries: number;
  webhookAttempts: number;
  webhookFailures: number;
}

export function createStats(): Stats {
  return { totalRequests: 0, http429: 0, requestsByEndpoint: {}, webhookDeliveries: 0, webhookAttempts: 0, webhookFailures: 0 };
}

/** Counts one answered request under its route template ("GET /v2/calls/{id}") and status. */
export function recordRequest(stats: Stats, endpoint: string, status: number): void {
  stats.totalRequests++;
  if (status === 429) stats.http429++;
  const byStatus = (stats.requestsByEndpoint[endpoint] ??= {});
  byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
}
