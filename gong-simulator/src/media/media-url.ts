import { createHmac } from "node:crypto";
import { safeEqual } from "../api/auth";
import type { SimulatorState } from "../state";

/** The recording's two files, as Gong's `media.audioUrl` and `media.videoUrl` point at them. */
type MediaKind = "audio" | "video";
const MEDIA_EXTENSIONS: Record<MediaKind, string> = { audio: "wav", video: "webm" };

function signature(state: SimulatorState, file: string, expires: number): string {
  return createHmac("sha256", state.secret).update(`media:${file}:${expires}`).digest("hex").slice(0, 32);
}

/** A recording link like Gong's: signed, and dead after the media TTL (8 hours by default). */
export function createMediaUrl(state: SimulatorState, callId: string, nowMs = Date.now(), kind: MediaKind = "audio"): string {
  const expires = Math.floor(nowMs / 1000) + state.config.mediaTtlSeconds;
  const file = `${callId}.${MEDIA_EXTENSIONS[kind]}`;
  return `${state.origin}/media/${file}?expires=${expires}&sig=${signature(state, file, expires)}`;
}

/** `file` is "<callId>.<extension>": a signature for the audio never opens the video, nor the reverse. */
export function isMediaUrlValid(state: SimulatorState, file: string, expiresParam: string | null, sig: string | null, nowMs = Date.now()): boolean {
  const expires = Number(expiresParam);
  if (!Number.isInteger(expires) || !sig) return false;
  return expires * 1000 > nowMs && safeEqual(sig, signature(state, file, expires));
}
