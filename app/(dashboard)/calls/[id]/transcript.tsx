import type { TranscriptSentence } from "@/lib/calls/group-turns";
import { renderTranscriptHtml } from "@/lib/calls/render-transcript-html";
import type { SpeakerLabel } from "@/lib/calls/speaker-labels";

/**
 * Plain server markup, so a two-hour call costs no client rendering: the search, the player and the follower
 * find sentences by their data attributes and ids (s-<position>). It is built as one escaped string
 * (lib/calls/render-transcript-html) because ~1,500 turns as React elements cost the page most of its server
 * time; the styles live in globals.css.
 */
export function Transcript({ sentences, labels }: { sentences: TranscriptSentence[]; labels: Map<string | null, SpeakerLabel> }) {
  return (
    <>
      <p id="transcript-help" className="sr-only">
        One tab stop: the arrow keys move between turns, Enter plays from the focused turn. K plays or pauses, J and L go back or forward 5 seconds.
      </p>
      {/* Every value from Gong in this string went through escapeHtml (see its tests). */}
      <ol id="transcript" className="transcript" aria-label="Transcript" aria-describedby="transcript-help" dangerouslySetInnerHTML={{ __html: renderTranscriptHtml(sentences, labels) }} />
    </>
  );
}
