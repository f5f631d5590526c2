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
