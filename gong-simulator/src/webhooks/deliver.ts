import { createHash, randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { toExtensiveCall } from "../api/call-extensive";
import { WEBHOOK_SELECTOR } from "../api/content-selector";
import { buildCallCore } from "../data/call-core";
import { createRequestId } from "../http/respond";
import type { SimulatorState } from "../state";
import type { Delivery, WebhookRule } from "./types";

const MAX_LOGGED_DELIVERIES = 1000;
const TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The exact bytes Gong posts: `{isTest, callData}` with callData shaped as one calls/extensive call. */
export function buildWebhookBody(state: SimulatorState, callIndex: number, isTest: boolean): string {
  const callData = toExtensiveCall(state, buildCallCore(state.dataset, callIndex), WEBHOOK_SELECTOR);
  return JSON.stringify({ isTest, callData });
}

async function signBody(rule: WebhookRule, body: string): Promise<string> {
  if (!rule.privateKey) throw new Error("rule has no signing key");
  return new SignJWT({ webhook_url: rule.url, body_sha256: createHash("sha256").update(body).digest("hex") })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setExpirationTime(Math.floor(Date.now() / 1000) + 300)
    .sign(rule.privateKey);
}

async function attempt(rule: WebhookRule, body: string, delivery: Delivery): Promise<boolean> {
  const started = Date.now();
  const headers: Record<string, string> = { "Content-Type": "application/json", "x-traceid": createRequestId() };
  if (rule.auth === "jwt") headers.Authorization = await signBody(rule, body); // raw token, no "Bearer "
  try {
    const response = await fetch(rule.url, { method: "POST", headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.arrayBuffer().catch(() => undefined);
    delivery.attempts.push({ at: new Date(started).toISOString(), status: response.status, error: null, durationMs: Date.now() - started });
    return response.ok;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    delivery.attempts.push({ at: new Date(started).toISOString(), status: null, error: message, durationMs: Date.now() - started });
    return false;
  }
}

/** Sends one delivery, retrying non-2xx answers and network errors with short backoff; logs every attempt. */
export async function deliverWebhook(state: SimulatorState, rule: WebhookRule, callIndex: number, isTest: boolean, retryDelaysMs = state.config.webhookRetryDelaysMs): Promise<Delivery> {
  const body = buildWebhookBody(state, callIndex, isTest);
  const delivery: Delivery = {
    id: randomBytes(8).toString("hex"), ruleId: rule.id, url: rule.url, callId: buildCallCore(state.dataset, callIndex).id, isTest, status: "pending", attempts: [],
  };
  state.deliveries.push(delivery);
  if (state.deliveries.length > MAX_LOGGED_DELIVERIES) state.deliveries.shift();
  state.stats.webhookDeliveries++;
  for (let round = 0; ; round++) {
    state.stats.webhookAttempts++;
    if (await attempt(rule, body, delivery)) {
      delivery.status = "delivered";
      return delivery;
    }
    const delay = retryDelaysMs[round];
    if (delay === undefined) break;
    await sleep(delay);
  }
  delivery.status = "failed";
  state.stats.webhookFailures++;
  if (state.config.log) console.warn(`[gong-simulator] webhook to ${rule.url} failed after ${delivery.attempts.length} attempts`);
  return delivery;
}

/** A new call fires every enabled rule; deliveries run in the background. */
export function fireRulesForCall(state: SimulatorState, callIndex: number): Array<Promise<Delivery>> {
  return [...state.rules.values()].filter((rule) => rule.enabled).map((rule) => deliverWebhook(state, rule, callIndex, false));
}
