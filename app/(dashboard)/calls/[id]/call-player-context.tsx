"use client";

import { createContext, useContext, useEffect, useMemo, useState } from "react";

type CallPlayer = {
  /** The recording's element once it is mounted; null when the call can't be played. */
  media: HTMLMediaElement | null;
  attach: (element: HTMLMediaElement | null) => void;
  /** Whether the transcript scrolls along with the recording. */
  follow: boolean;
  setFollow: (follow: boolean) => void;
};

const CallPlayerContext = createContext<CallPlayer | null>(null);

export function useCallPlayer(): CallPlayer {
  const player = useContext(CallPlayerContext);
  if (!player) throw new Error("useCallPlayer outside CallPlayerProvider");
  return player;
}

export function seekMedia(media: HTMLMediaElement, seconds: number, play = false) {
  media.currentTime = Math.min(Math.max(0, seconds), Number.isFinite(media.duration) ? media.duration : Infinity);
  if (play) void media.play().catch(() => undefined);
}

export function setPlaybackRate(media: HTMLMediaElement, rate: number) {
  media.playbackRate = rate;
}

export function togglePlayback(media: HTMLMediaElement) {
  if (media.paused) void media.play().catch(() => undefined);
  else media.pause();
}

export const SKIP_SECONDS = 5;
const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "password", "number", "url", "tel", "date", "time", "datetime-local", "month", "week"]);

/** True while the user types: shortcut letters then belong to the field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * The call page's one recording, shared by the mini-player, the transcript and the timelines: any element with
 * `data-seek-ms` (the server-rendered transcript's timestamps, the insights' moments) seeks it on click, and
 * K / J / L play or pause, go back or forward 5 s, except while the user types.
 */
export function CallPlayerProvider({ children }: { children: React.ReactNode }) {
  const [media, attach] = useState<HTMLMediaElement | null>(null);
  const [follow, setFollow] = useState(true);

  useEffect(() => {
    if (!media) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-seek-ms]") : null;
      if (!target) return;
      seekMedia(media, Number(target.dataset.seekMs) / 1000, true);
      setFollow(true);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "k") togglePlayback(media);
      else if (key === "j") seekMedia(media, media.currentTime - SKIP_SECONDS);
      else if (key === "l") seekMedia(media, media.currentTime + SKIP_SECONDS);
      else return;
      event.preventDefault();
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, [media]);

  const value = useMemo(() => ({ media, attach, follow, setFollow }), [media, follow]);
  return <CallPlayerContext.Provider value={value}>{children}</CallPlayerContext.Provider>;
}
