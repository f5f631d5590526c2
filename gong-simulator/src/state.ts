import { randomBytes } from "node:crypto";
import type { SimulatorConfig } from "./config";
import { createCompany } from "./data/company";
import type { Dataset } from "./data/dataset";
import { DRIFT_KINDS, type DriftKind } from "./data/drift";
import { createRandom, type Random } from "./data/prng";
import { createRateLimiter, type RateLimiter } from "./limits/rate-limiter";
import { createStats, type Stats } from "./limits/stats";
import type { Delivery, WebhookRule } from "./webhooks/types";

export interface Faults {
  errorRate: number;
  latencyMs: number;
  rateLimit: number;
  dailyLimit: number;
  transcriptDelaySeconds: number;
  truncateRate: number;
  /** Share of calls and users served drifted (README "Drift"), and the kinds of drift they may show. */
  driftRate: number;
  driftKinds: DriftKind[];
  /** Chance that a /v2 request starts a burst of 429s (Retry-After set) lasting `rateLimitBurstSeconds`. */
  rateLimitBurstRate: number;
  rateLimitBurstSeconds: number;
  /** Chance that a /v2 answer is held back `latencySpikeMs` (on top of `latencyMs`). */
  latencySpikeRate: number;
  latencySpikeMs: number;
  /** How many times each webhook of a new call is delivered (Gong delivers at least once; 2 = every one twice). */
  webhookCopies: number;
}

export interface Grant { clientId: string; scopes: string[] }
export interface CodeRecord extends Grant { redirectUri: string; expiresAtMs: number; used: boolean }
export interface AccessTokenRecord extends Grant { expiresAtMs: number }
export interface RefreshTokenRecord extends Grant { used: boolean }

export type ConsentMode = "technical-admin" | "non-technical-admin";

export interface SimulatorState {
  config: SimulatorConfig;
  origin: string;
  secret: Buffer;
  dataset: Dataset;
  consentMode: ConsentMode;
  codes: Map<string, CodeRecord>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  faults: Faults;
  /**
   * Fault decisions, one seeded stream per caller (api/auth.ts callerIdentity): which of a client's requests fail
   * does not depend on how another client's requests interleave with them, nor on the token it was given.
   */
  faultRandoms: Map<string, Random>;
  limiter: RateLimiter;
  /** The end of the current 429 burst (the rateLimitBurstRate fault), 0 when none is under way. */
  burstUntilMs: number;
  stats: Stats;
  rules: Map<string, WebhookRule>;
  deliveries: Delivery[];
  nextRuleNumber: number;
}

export interface DatasetInput { seed: number; calls: number; workspaces: number; users: number; from?: Date; to?: Date; companyName: string }

const DAY_MS = 86_400_000;

export function createDataset(input: DatasetInput, nowMs: number): Dataset {
  const toMs = input.to?.getTime() ?? nowMs;
  const fromMs = input.from?.getTime() ?? toMs - 30 * DAY_MS;
  if (!(fromMs < toMs)) throw new Error("`from` must be before `to`");
  const company = createCompany({ seed: input.seed, name: input.companyName, workspaces: input.workspaces, users: input.users, nowMs: toMs });
  return { seed: input.seed, company, callCount: input.calls, fromMs, toMs, extraCalls: [] };
}

export function createFaults(config: SimulatorConfig): Faults {
  return {
    errorRate: 0, latencyMs: 0, rateLimit: config.rateLimit, dailyLimit: config.dailyLimit, transcriptDelaySeconds: 0, truncateRate: 0,
    driftRate: config.driftRate, driftKinds: [...DRIFT_KINDS],
    rateLimitBurstRate: 0, rateLimitBurstSeconds: 2, latencySpikeRate: 0, latencySpikeMs: 0, webhookCopies: 1,
  };
}

export function createState(config: SimulatorConfig, nowMs = Date.now()): SimulatorState {
  return {
    config,
    origin: config.publicUrl ?? `http://${config.host}:${config.port}`,
    secret: randomBytes(32),
    dataset: createDataset({ ...config, companyName: config.companyName }, nowMs),
    consentMode: "technical-admin",
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    faults: createFaults(config),
    faultRandoms: new Map(),
    limiter: createRateLimiter(),
    burstUntilMs: 0,
    stats: createStats(),
    rules: new Map(),
    deliveries: [],
    nextRuleNumber: 1,
  };
}

/** Back to a freshly started simulator, with a new dataset; OAuth apps, access keys and origin are kept. */
export function resetState(state: SimulatorState, input: Partial<DatasetInput>, nowMs = Date.now()): void {
  const { config } = state;
  const fresh = createState(config, nowMs);
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const defaults = { seed: config.seed, calls: config.calls, workspaces: config.workspaces, users: config.users, companyName: config.companyName, from: config.from, to: config.to };
  fresh.dataset = createDataset({ ...defaults, ...given }, nowMs);
  Object.assign(state, { ...fresh, origin: state.origin, secret: state.secret });
}

/** The fault stream of this caller, restarted from the seed whenever the faults are set. */
export function faultRandomFor(state: SimulatorState, key: string): Random {
  let random = state.faultRandoms.get(key);
  if (!random) {
    random = createRandom(state.dataset.seed, "faults", key);
    state.faultRandoms.set(key, random);
  }
  return random;
}
