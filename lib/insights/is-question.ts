import { listWords } from "./list-words";

// "when"/"where" also open statements ("When we launched, …"), so they only count with a question mark.
const WH_OPENERS = new Set(["what", "what's", "whats", "why", "how", "how's", "who", "who's", "whom", "whose", "which"]);
const AUXILIARIES = new Set([
  "do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "will", "should", "shall",
  "have", "has", "had", "may", "might", "am", "isn't", "aren't", "don't", "doesn't", "didn't", "won't",
  "wouldn't", "can't", "couldn't", "shouldn't", "haven't", "hasn't",
]);
// An auxiliary opens a question only when a subject follows ("Do you…"), not in "Will send it over."
const SUBJECTS = new Set(["you", "we", "i", "they", "it", "he", "she", "there", "that", "this", "your", "our", "their", "anyone", "everyone"]);
// Conversational openers that may precede the real first word: "So, what…", "And how…".
const LEAD_INS = new Set(["so", "and", "but", "okay", "ok", "well", "also", "then", "now", "oh", "right"]);

/** A sentence ending in "?" or opening like a question ("What…", "Do you…"), lead-ins skipped. */
export function isQuestion(text: string, words: string[] = listWords(text)): boolean {
  if (text.trimEnd().endsWith("?")) return true;
  let position = 0;
  while (position < 2 && LEAD_INS.has(words[position] ?? "")) position += 1;
  const first = words[position];
  const second = words[position + 1];
  if (first === undefined) return false;
  // "What a…"/"How nice…" are exclamations, not questions.
  if (WH_OPENERS.has(first)) return second !== undefined && second !== "a" && second !== "an" && second !== "nice";
  // "Do it now." is an order; "Does it work" and "Did that help" are questions.
  if (first === "do" && (second === "it" || second === "that" || second === "this")) return false;
  return AUXILIARIES.has(first) && second !== undefined && SUBJECTS.has(second);
}
