const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|[,.;:!?…—–-]/gu;
const ALWAYS = new Map([
  ["um", "um"], ["umm", "um"], ["uhm", "um"], ["uh", "uh"], ["uhh", "uh"],
  ["basically", "basically"], ["actually", "actually"],
]);
// "what kind of tool" names a kind; "it's kind of slow" is a hedge.
const KIND_OF_NOT_AFTER = new Set([
  "what", "which", "this", "that", "a", "an", "the", "any", "some", "every", "same", "one", "other", "these",
  "those", "no", "that's", "our", "your", "their", "my", "his", "her", "its", "whatever",
]);
// "Do you know…", "if you know…" ask or state knowledge rather than fill a pause.
const YOU_KNOW_NOT_AFTER = new Set(["do", "did", "don't", "didn't", "if", "as", "would", "will", "could", "whether", "what"]);
const I_MEAN_NOT_AFTER = new Set(["what", "if", "that", "do", "did"]);

function isPunctuation(token: string | undefined): boolean {
  return token !== undefined && !/[\p{L}\p{N}]/u.test(token);
}

/** The canonical filler (and how many tokens it spans) starting at `position`, if any. */
function matchFiller(tokens: string[], position: number): [string, number] | undefined {
  const token = tokens[position] ?? "";
  const previous = tokens[position - 1];
  const next = tokens[position + 1];
  const always = ALWAYS.get(token);
  if (always) return [always, 1];
  // "like" is a filler only when set off by commas ("it was, like, huge"), not in "I like it" or "looks like".
  if (token === "like" && (previous === "," || next === ",")) return ["like", 1];
  if ((token === "kind" || token === "sort") && next === "of" && !KIND_OF_NOT_AFTER.has(previous ?? "")) {
    return [`${token} of`, 2];
  }
  if (token === "you" && next === "know" && !YOU_KNOW_NOT_AFTER.has(previous ?? "")) {
    const after = tokens[position + 2];
    if (previous === "," || after === undefined || isPunctuation(after)) return ["you know", 2];
  }
  if (token === "i" && next === "mean" && !I_MEAN_NOT_AFTER.has(previous ?? "")) return ["i mean", 2];
  return undefined;
}

/** Filler words in one sentence, keyed by canonical form ("um", "you know", "kind of"…). */
export function countFillerWords(text: string): Map<string, number> {
  const tokens = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let position = 0; position < tokens.length; position++) {
    const match = matchFiller(tokens, position);
    if (!match) continue;
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    position += match[1] - 1;
  }
  return counts;
}
