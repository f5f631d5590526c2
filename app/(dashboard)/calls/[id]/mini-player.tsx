"use client";

import { LocateFixed, Pause, Play, RotateCcw, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { formatOffset } from "@/lib/calls/group-turns";
import { cn } from "@/lib/utils";
import { SKIP_SECONDS, seekMedia, setPlaybackRate, togglePlayback, useCallPlayer } from "./call-player-context";
import { useMediaState } from "./use-media-state";

const RATES = [1, 1.25, 1.5, 2];

/** The controls pinned above the transcript: play, ±5 s, position, speed and whether the transcript follows. */
export function MiniPlayer({ fallbackDurationSeconds }: { fallbackDurationSeconds: number | null }) {
  const { media, follow, setFollow } = useCallPlayer();
  const { seconds, paused, duration, rate } = useMediaState(media);
  const total = Math.floor(duration || fallbackDurationSeconds || 0);
  const at = `${formatOffset(seconds * 1000)} / ${formatOffset(total * 1000)}`;
  return (
    <div role="group" aria-label="Player" className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
      <Button type="button" size="icon" disabled={!media} aria-label={paused ? "Play" : "Pause"} aria-keyshortcuts="K" title={paused ? "Play (K)" : "Pause (K)"} onClick={() => media && togglePlayback(media)}>
        {paused ? <Play aria-hidden /> : <Pause aria-hidden />}
      </Button>
      <Button type="button" size="icon" variant="ghost" disabled={!media} aria-label={`Back ${SKIP_SECONDS} seconds`} aria-keyshortcuts="J" title={`Back ${SKIP_SECONDS} s (J)`} onClick={() => media && seekMedia(media, media.currentTime - SKIP_SECONDS)}>
        <RotateCcw aria-hidden />
      </Button>
      <Button type="button" size="icon" variant="ghost" disabled={!media} aria-label={`Forward ${SKIP_SECONDS} seconds`} aria-keyshortcuts="L" title={`Forward ${SKIP_SECONDS} s (L)`} onClick={() => media && seekMedia(media, media.currentTime + SKIP_SECONDS)}>
        <RotateCw aria-hidden />
      </Button>
      <span className="px-1 font-mono text-xs tabular-nums text-muted-foreground" data-testid="player-time">{at}</span>
      <input
        type="range"
        aria-label="Position in the recording"
        aria-valuetext={`${formatOffset(seconds * 1000)} of ${formatOffset(total * 1000)}`}
        min={0}
        max={total || 1}
        step={1}
        value={Math.min(seconds, total || 1)}
        disabled={!media}
        onChange={(event) => media && seekMedia(media, Number(event.target.value))}
        className="order-last h-6 w-full min-w-0 accent-(--accent) sm:order-none sm:w-auto sm:flex-1"
      />
      <Select aria-label="Playback speed" value={String(rate)} disabled={!media} onChange={(event) => media && setPlaybackRate(media, Number(event.target.value))} className="ml-auto h-8 sm:ml-0">
        {RATES.map((value) => (
          <option key={value} value={value}>{`${value}×`}</option>
        ))}
      </Select>
      <Button
        type="button"
        size="sm"
        variant={follow ? "secondary" : "ghost"}
        aria-pressed={follow}
        title="Keep the sentence being played in view"
        onClick={() => setFollow(!follow)}
        className={cn("h-8 px-2", follow ? "text-accent" : "text-muted-foreground")}
      >
        <LocateFixed aria-hidden />
        <span className="max-sm:sr-only">Follow</span>
      </Button>
    </div>
  );
}
