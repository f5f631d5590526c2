import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../src/index";

export const ACCESS_KEY_AUTH = `Basic ${Buffer.from("sim-access-key:sim-access-key-secret").toString("base64")}`;
export const CLIENT_AUTH = `Basic ${Buffer.from("callbridge-demo:callbridge-demo-secret").toString("base64")}`;
export const FROM = "2026-01-01T00:00:00Z";
export const TO = "2026-01-31T00:00:00Z";

/** A simulator on a free port with a fixed date range and limits high enough to stay out of the way. */
export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ from: new Date(FROM), to: new Date(TO), rateLimit: 10_000, dailyLimit: 1_000_000, webhookRetryDelaysMs: [20, 20], ...options });
}

export interface ApiAnswer<T = Record<string, unknown>> { status: number; headers: Headers; body: T }

export async function callApi<T = Record<string, unknown>>(
  sim: RunningSimulator, method: string, path: string, options: { body?: unknown; auth?: string } = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: options.auth ?? ACCESS_KEY_AUTH, ...(options.body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}

export async function control<T = Record<string, unknown>>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Issues OAuth tokens directly (skips the consent dance) with the given scopes. */
export async function bearerFor(sim: RunningSimulator, scopes: string[]): Promise<string> {
  const tokens = await control<{ access_token: string }>(sim, "POST", "/tokens", { scopes });
  return `Bearer ${tokens.access_token}`;
}

export const FULL_SELECTOR = {
  context: "Extended",
  contextTiming: ["Now", "TimeOfCall"],
  exposedFields: {
    parties: true,
    content: { structure: true, topics: true, trackers: true, trackerOccurrences: true, brief: true, outline: true, highlights: true, callOutcome: true, keyPoints: true },
    interaction: { speakers: true, video: true, personInteractionStats: true, questions: true },
    collaboration: { publicComments: true },
    media: true,
  },
};
