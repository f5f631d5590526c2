import type { Timeline } from "@/lib/insights";

const TRACK_COLORS = { internal: "bg-accent", external: "bg-success", unknown: "bg-muted-foreground" } as const;

/** Who spoke when: one row per speaker, bars positioned as percentages of the call. */
export function SpeakerTimeline({ timeline, name }: { timeline: Timeline; name: (speakerId: string | null) => string }) {
  const total = timeline.durationSeconds || 1;
  return (
    <figure className="border-t border-border pt-3">
      <figcaption className="mb-2 text-xs font-medium text-muted-foreground">Who spoke when</figcaption>
      <ul className="space-y-1.5">
        {timeline.tracks.map((track) => (
          <li key={track.speakerId ?? "none"} className="grid grid-cols-[7rem_1fr] items-center gap-2 text-xs">
            <span className="truncate">{name(track.speakerId)}</span>
            <span className="relative h-3 rounded bg-muted" role="img" aria-label={`${name(track.speakerId)} spoke in ${track.intervals.length} stretches`}>
              {track.intervals.map(([start, end]) => (
                <span
                  key={start}
                  className={`absolute inset-y-0 rounded-sm ${TRACK_COLORS[track.side]}`}
                  style={{ left: `${(start / total) * 100}%`, width: `${Math.max(0.4, ((end - start) / total) * 100)}%` }}
                />
              ))}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
