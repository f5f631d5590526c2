import { createHmac } from "node:crypto";
import { safeEqual } from "../api/auth";
import type { SimulatorState } from "../state";

function signature(state: SimulatorState, callId: string, expires: number): string {
  return createHmac("sha256", state.secret).update(`media:${callId}:${expires}`).digest("hex").slice(0, 32);
}

/** A recording link like Gong's: signed, and dead after the media TTL (8 hours by default). */
export function createMediaUrl(state: SimulatorState, callId: string, nowMs = Date.now()): string {
  const expires = Math.floor(nowMs / 1000) + state.config.mediaTtlSeconds;
  return `${state.origin}/media/${callId}.wav?expires=${expires}&sig=${signature(state, callId, expires)}`;
}

export function isMediaUrlValid(state: SimulatorState, callId: string, expiresParam: string | null, sig: string | null, nowMs = Date.now()): boolean {
  const expires = Number(expiresParam);
  if (!Number.isInteger(expires) || !sig) return false;
  return expires * 1000 > nowMs && safeEqual(sig, signature(state, callId, expires));
}
