const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Lower-cased words; curly apostrophes are folded so "I’ll" and "I'll" are one word. */
export function listWords(text: string): string[] {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(WORD) ?? [];
}

/** Letters and digits only, so a phrase can be matched without its punctuation. */
export function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}
