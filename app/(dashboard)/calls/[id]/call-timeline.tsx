"use client";

import { useEffect, useRef } from "react";
import { findLastAtOrBefore } from "@/lib/calls/find-sentence-at";
import { seekMedia, useCallPlayer } from "./call-player-context";

export type TimelineRow = { key: string; label: string; fillClass: string; intervals: [number, number][] };

type Props = { durationSeconds: number; speakers: TimelineRow[]; topics: TimelineRow[] };

const percent = (value: number, total: number) => `${Math.round((value / total) * 10_000) / 100}%`;

/** Where a click on a track lands: the moment clicked when someone spoke then, else the start of the next stretch. */
function pickSeconds(intervals: [number, number][], at: number): number {
  if (intervals.some(([start, end]) => at >= start && at <= end)) return at;
  return (intervals.find(([start]) => start >= at) ?? intervals.at(-1) ?? [0])[0];
}

/**
 * Who spoke when, and when each topic came up: one row per speaker and per topic, bars placed along the call.
 * A click plays the recording from the moment clicked; from the keyboard (Enter on a row) from the row's next
 * stretch after the playhead. Without a playable recording it scrolls the transcript there instead.
 */
export function CallTimeline({ durationSeconds, speakers, topics }: Props) {
  const { media, setFollow } = useCallPlayer();
  const figure = useRef<HTMLElement>(null);
  const total = durationSeconds || 1;

  useEffect(() => {
    const lines = figure.current ? [...figure.current.querySelectorAll<SVGLineElement>("line[data-playhead]")] : [];
    if (!media || lines.length === 0) return;
    const move = () => {
      const x = percent(media.currentTime, total);
      for (const line of lines) {
        line.setAttribute("x1", x);
        line.setAttribute("x2", x);
        line.setAttribute("visibility", media.currentTime > 0 ? "visible" : "hidden");
      }
    };
    move();
    media.addEventListener("timeupdate", move);
    media.addEventListener("seeked", move);
    return () => {
      media.removeEventListener("timeupdate", move);
      media.removeEventListener("seeked", move);
    };
  }, [media, total]);

  const play = (seconds: number) => {
    if (media) {
      seekMedia(media, seconds, true);
      setFollow(true);
      return;
    }
    const sentences = [...document.querySelectorAll<HTMLElement>("#transcript [data-sentence]")];
    const index = findLastAtOrBefore(sentences.length, (at) => Number(sentences[at]!.dataset.ms), seconds * 1000);
    const sentence = sentences[Math.max(0, index)];
    if (!sentence) return;
    window.history.pushState(null, "", `#${sentence.id}`);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  };
  const onClick = (event: React.MouseEvent<HTMLButtonElement>, intervals: [number, number][]) => {
    if (intervals.length === 0) return;
    if (event.detail === 0) {
      const now = media?.currentTime ?? -1;
      return play((intervals.find(([start]) => start > now + 1) ?? intervals[0]!)[0]);
    }
    const box = event.currentTarget.getBoundingClientRect();
    play(pickSeconds(intervals, ((event.clientX - box.left) / box.width) * total));
  };

  const rows = (list: TimelineRow[], verb: string) => (
    <ul className="space-y-1.5">
      {list.map((row) => (
        <li key={row.key} className="grid grid-cols-[6.5rem_1fr] items-center gap-2 text-xs">
          <span className="truncate" title={row.label}>{row.label}</span>
          <button
            type="button"
            aria-label={`${row.label}: ${verb} in ${row.intervals.length} ${row.intervals.length === 1 ? "stretch" : "stretches"}. Play the next`}
            title="Play from here"
            onClick={(event) => onClick(event, row.intervals)}
            className="h-3.5 w-full cursor-pointer rounded-sm"
          >
            <svg className="block h-full w-full overflow-hidden rounded-sm" aria-hidden>
              <rect width="100%" height="100%" className="fill-muted" />
              {row.intervals.map(([start, end]) => (
                <rect key={start} x={percent(start, total)} width={percent(Math.max(end - start, total / 250), total)} height="100%" className={row.fillClass} />
              ))}
              <line data-playhead y1="0" y2="100%" x1="0" x2="0" visibility="hidden" className="stroke-foreground" strokeWidth={2} />
            </svg>
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <figure ref={figure} className="space-y-2 border-t border-border pt-3" data-testid="call-timeline">
      <figcaption className="text-xs font-medium text-muted-foreground">Who spoke when</figcaption>
      {rows(speakers, "spoke")}
      {topics.length > 0 ? (
        <>
          <p className="pt-1 text-xs font-medium text-muted-foreground">Topics</p>
          {rows(topics, "discussed")}
        </>
      ) : null}
    </figure>
  );
}
