import { isQuestion } from "./is-question";
import type { Questions, Sentence } from "./types";

export function findQuestions(sentences: Sentence[]): Questions {
  const questions: Questions = {
    internal: { count: 0, segmentIndices: [] },
    external: { count: 0, segmentIndices: [] },
    unknown: { count: 0, segmentIndices: [] },
  };
  for (const sentence of sentences) {
    if (!isQuestion(sentence.text, sentence.tokens)) continue;
    const side = questions[sentence.side];
    side.count += 1;
    side.segmentIndices.push(sentence.index);
  }
  return questions;
}
