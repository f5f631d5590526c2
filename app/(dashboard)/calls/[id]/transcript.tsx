import type { TranscriptSentence } from "@/lib/calls/group-turns";
import { formatOffset, groupTurns } from "@/lib/calls/group-turns";
import type { SpeakerLabel } from "@/lib/calls/speaker-labels";

const SIDE_STYLES = { Internal: "text-accent", External: "text-success", Unknown: "text-muted-foreground" } as const;

/**
 * Plain server markup, so a two-hour call costs no client rendering: the search and the player find
 * sentences by their data attributes and ids (s-<position>) instead.
 */
export function Transcript({ sentences, labels }: { sentences: TranscriptSentence[]; labels: Map<string | null, SpeakerLabel> }) {
  return (
    <ol id="transcript" className="space-y-4" aria-label="Transcript">
      {groupTurns(sentences).map((turn) => {
        const label = labels.get(turn.speakerId);
        return (
          <li key={turn.sentences[0]?.position} className="grid grid-cols-[3.5rem_1fr] gap-x-3">
            <button
              type="button"
              data-seek-ms={turn.startMs}
              className="h-fit rounded px-1 text-left font-mono text-xs tabular-nums text-muted-foreground hover:bg-muted hover:text-foreground"
              aria-label={`Play from ${formatOffset(turn.startMs)}`}
            >
              {formatOffset(turn.startMs)}
            </button>
            <div className="min-w-0">
              <p className={`text-xs font-semibold ${SIDE_STYLES[label?.side ?? "Unknown"]}`}>
                {label?.label ?? "Unknown speaker"}
                {label?.side && label.side !== "Unknown" ? <span className="ml-1 font-normal text-muted-foreground">· {label.side === "Internal" ? "us" : "them"}</span> : null}
              </p>
              <p className="mt-0.5 text-sm leading-relaxed">
                {turn.sentences.map((sentence) => (
                  <span key={sentence.position} id={`s-${sentence.position}`} data-sentence data-start-ms={sentence.startMs} className="scroll-mt-32 rounded-sm target:bg-warning/25">
                    {sentence.text}{" "}
                  </span>
                ))}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
