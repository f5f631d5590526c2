import type { Sentence, TrackerDefinition, TrackerHit, TrackerResult } from "./types";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function normalizeKeyword(keyword: string): string {
  return keyword.toLowerCase().replace(/[\u2018\u2019]/g, "'").trim().replace(/\s+/g, " ");
}

/**
 * One regular expression per tracker. Longer keywords come first so "Salesforce CPQ" is one hit, not
 * also a "Salesforce" hit; a keyword matches only as whole words, and any run of spaces between its words.
 */
function compileTracker(keywords: string[]): { pattern: RegExp; keywords: string[] } | undefined {
  const unique = [...new Set(keywords.map(normalizeKeyword).filter((keyword) => keyword.length > 0))];
  if (unique.length === 0) return undefined;
  unique.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = unique.map((keyword) => `(${escapeRegExp(keyword).replace(/ /g, "\\s+")})`);
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu"), keywords: unique };
}

/** Every keyword occurrence of every tracker, in transcript order, so each hit can link into the transcript. */
export function findTrackerHits(sentences: Sentence[], trackers: TrackerDefinition[]): TrackerResult[] {
  return trackers.map((tracker) => {
    const compiled = compileTracker(tracker.keywords);
    const hits: TrackerHit[] = [];
    if (compiled) {
      for (const sentence of sentences) {
        const text = sentence.text.replace(/[\u2018\u2019]/g, "'");
        for (const match of text.matchAll(compiled.pattern)) {
          const group = match.findIndex((value, position) => position > 0 && value !== undefined);
          hits.push({
            keyword: compiled.keywords[group - 1] ?? match[0].toLowerCase(),
            segmentIndex: sentence.index,
            startMs: sentence.startMs,
            speakerId: sentence.speakerId,
            side: sentence.side,
          });
        }
      }
    }
    return { trackerId: tracker.id, name: tracker.name, count: hits.length, hits };
  });
}
