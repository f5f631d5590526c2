"use client";

import { useCallback, useSyncExternalStore } from "react";

const EVENTS = ["timeupdate", "seeked", "play", "pause", "ended", "durationchange", "loadedmetadata", "ratechange"] as const;

/** The recording's whole seconds, play state, duration and rate; re-renders only when one of them changes. */
export function useMediaState(media: HTMLMediaElement | null) {
  const subscribe = useCallback(
    (notify: () => void) => {
      for (const name of EVENTS) media?.addEventListener(name, notify);
      return () => {
        for (const name of EVENTS) media?.removeEventListener(name, notify);
      };
    },
    [media],
  );
  const seconds = useSyncExternalStore(subscribe, () => (media ? Math.floor(media.currentTime) : 0), () => 0);
  const paused = useSyncExternalStore(subscribe, () => media?.paused ?? true, () => true);
  const duration = useSyncExternalStore(subscribe, () => (media && Number.isFinite(media.duration) ? media.duration : 0), () => 0);
  const rate = useSyncExternalStore(subscribe, () => media?.playbackRate ?? 1, () => 1);
  return { seconds, paused, duration, rate };
}
