// Roughly four characters per token for English; close enough to stay inside a model's context.
const CHARACTERS_PER_TOKEN = 4;
const OMISSION = "\n[… middle of the call omitted …]\n";

/**
 * Fits a transcript into a token budget, keeping the opening two thirds and the closing third of the
 * budget: calls open with the agenda and close with next steps. Cuts fall on line breaks where possible.
 */
export function truncateTranscript(transcript: string, maxTokens: number): { text: string; truncated: boolean } {
  const budget = Math.max(0, Math.floor(maxTokens * CHARACTERS_PER_TOKEN));
  if (transcript.length <= budget) return { text: transcript, truncated: false };
  const headBudget = Math.floor((budget * 2) / 3);
  const tailBudget = Math.max(0, budget - headBudget - OMISSION.length);
  let head = transcript.slice(0, headBudget);
  const headBreak = head.lastIndexOf("\n");
  if (headBreak > headBudget / 2) head = head.slice(0, headBreak);
  let tail = tailBudget > 0 ? transcript.slice(transcript.length - tailBudget) : "";
  const tailBreak = tail.indexOf("\n");
  if (tailBreak >= 0 && tailBreak < tail.length / 2) tail = tail.slice(tailBreak + 1);
  return { text: `${head}${OMISSION}${tail}`, truncated: true };
}
