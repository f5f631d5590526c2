import { formatOffset } from "@/lib/calls/group-turns";

const LINK = "rounded font-mono text-xs tabular-nums text-accent underline underline-offset-2 hover:decoration-2";

/**
 * A moment of the call as a timestamp: a link to the sentence said then, which also plays the recording from
 * there (data-seek-ms, call-player-context.tsx); a play button when there is no transcript to link to.
 */
export function MomentLink({ startMs, position, canPlay, label }: { startMs: number; position: number | null; canPlay: boolean; label?: string }) {
  const offset = formatOffset(startMs);
  const name = label ? `${label} at ${offset}` : undefined;
  if (position !== null) {
    return (
      <a href={`#s-${position}`} data-seek-ms={Math.round(startMs)} aria-label={name} className={LINK}>
        {offset}
      </a>
    );
  }
  if (canPlay) {
    return (
      <button type="button" data-seek-ms={Math.round(startMs)} aria-label={`Play from ${offset}`} className={LINK}>
        {offset}
      </button>
    );
  }
  return <span className="font-mono text-xs tabular-nums text-muted-foreground">{offset}</span>;
}
