import { describe, expect, it } from "vitest";
import { findSentenceAt } from "./find-sentence-at";

const sentence = (position: number, startMs: number) => ({ position, startMs, endMs: startMs + 900, speakerId: null, text: "" });

describe("findSentenceAt", () => {
  const sentences = [sentence(0, 0), sentence(1, 1000), sentence(2, 5000), sentence(7, 9000)];

  it("finds the sentence being said at a moment", () => {
    expect(findSentenceAt(sentences, 0)).toBe(0);
    expect(findSentenceAt(sentences, 4999)).toBe(1);
    expect(findSentenceAt(sentences, 5000)).toBe(2);
    expect(findSentenceAt(sentences, 60_000)).toBe(7);
  });

  it("is null before the first sentence or without a transcript", () => {
    expect(findSentenceAt([sentence(0, 2000)], 1000)).toBeNull();
    expect(findSentenceAt([], 1000)).toBeNull();
  });
});
