import { Counter, Registry } from "prom-client";

/** Counters this process keeps itself (each replica its own; Prometheus sums them): what the database does not record. */
type ProcessMetrics = { registry: Registry; signInFailures: Counter; signInLockouts: Counter };

function create(): ProcessMetrics {
  const registry = new Registry();
  return {
    registry,
    signInFailures: new Counter({ name: "callbridge_sign_in_failures_total", help: "Sign-ins refused for a wrong email or password, by this process.", registers: [registry] }),
    signInLockouts: new Counter({
      name: "callbridge_sign_in_lockouts_total",
      help: "Sign-ins refused because a limit on failed attempts held (account, device, client or all clients), by this process.",
      labelNames: ["scope"],
      registers: [registry],
    }),
  };
}

const globalForMetrics = globalThis as unknown as { callbridgeProcessMetrics?: ProcessMetrics };

export const processMetrics: ProcessMetrics = (globalForMetrics.callbridgeProcessMetrics ??= create());
