/**
 * ts_headline marks matches with these sentinels instead of HTML, so the snippet is rendered as text nodes
 * and a transcript containing markup can never inject it.
 */
export const HIGHLIGHT_START = "\u27e6";
export const HIGHLIGHT_STOP = "\u27e7";

export type SnippetPart = { text: string; match: boolean };

/** Splits a sentinel-marked headline into plain and matched parts; unbalanced sentinels are kept as text. */
export function splitHighlightedSnippet(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = headline;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    const stop = start === -1 ? -1 : rest.indexOf(HIGHLIGHT_STOP, start + 1);
    if (start === -1 || stop === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const matched = rest.slice(start + 1, stop);
    if (matched) parts.push({ text: matched, match: true });
    rest = rest.slice(stop + 1);
  }
  return parts;
}

/** Splits plain text around case-insensitive occurrences of `needle` (the in-transcript search). */
export function splitTextMatches(text: string, needle: string): SnippetPart[] {
  const query = needle.trim().toLowerCase();
  if (!query) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const parts: SnippetPart[] = [];
  let from = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, at + query.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + query.length), match: true });
    from = at + query.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** A web-search query's words as typed, without its syntax: quotes, `or`, and the words it excludes (`-word`). */
function stripSearchSyntax(q: string): string {
  return q
    .replace(/(^|\s)-("[^"]*"|\S+)/g, " ")
    .replace(/"/g, " ")
    .split(/\s+/)
    .filter((word) => word && word.toLowerCase() !== "or")
    .join(" ");
}

/**
 * What "Find in transcript" should look for when a search result opens a call: the query as typed when the
 * matched sentence holds it literally, else the sentence's own first run of matched words (the full-text search
 * matched "priced" for "pricing"), so the find box always finds the sentence the reader landed on.
 */
export function chooseFindTerm(q: string, headline: string): string {
  const typed = stripSearchSyntax(q);
  const parts = splitHighlightedSnippet(headline);
  const text = parts.map((part) => part.text).join("").toLowerCase();
  if (typed && text.includes(typed.toLowerCase())) return typed;
  const first = parts.findIndex((part) => part.match);
  if (first === -1) return typed;
  let run = parts[first]!.text;
  for (let index = first + 1; index + 1 < parts.length; index += 2) {
    const gap = parts[index]!;
    const next = parts[index + 1]!;
    if (gap.match || !next.match || !/^[\s-]+$/.test(gap.text)) break;
    run += gap.text + next.text;
  }
  return run;
}
