import type { Turn } from "./build-turns";
import { toSeconds } from "./round";
import type { SpeakerDirectory } from "./speaker-directory";
import type { LongestTurn, Side } from "./types";

/**
 * The longest turn of one side: "longest monologue" for internal speakers, "longest customer story" for
 * external ones. A turn runs from its first sentence's start to its last sentence's end; the earliest wins
 * a tie.
 */
export function findLongestTurn(turns: Turn[], side: Side, directory: SpeakerDirectory): LongestTurn | null {
  let longest: Turn | undefined;
  for (const turn of turns) {
    if (turn.side !== side) continue;
    if (!longest || turn.endMs - turn.startMs > longest.endMs - longest.startMs) longest = turn;
  }
  if (!longest) return null;
  return {
    ...directory.resolve(longest.speakerId),
    durationSeconds: toSeconds(longest.endMs - longest.startMs),
    startSeconds: toSeconds(longest.startMs),
    segmentIndex: longest.firstSegmentIndex,
  };
}
