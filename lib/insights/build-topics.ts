import { extractTopics } from "./extract-topics";
import { roundTo } from "./round";
import type { GongSignals, Sentence, Topic, Topics } from "./types";

function indicesByTopic(sentences: Sentence[]): Map<string, { indices: number[]; ms: number; name: string }> {
  const byTopic = new Map<string, { indices: number[]; ms: number; name: string }>();
  for (const sentence of sentences) {
    if (!sentence.topic) continue;
    const key = sentence.topic.toLowerCase();
    const entry = byTopic.get(key) ?? { indices: [], ms: 0, name: sentence.topic };
    entry.indices.push(sentence.index);
    entry.ms += sentence.endMs - sentence.startMs;
    byTopic.set(key, entry);
  }
  return byTopic;
}

/**
 * Gong's topics win when present: first the call-level list (topics with zero duration dropped), else
 * the topic Gong stamps on transcript sentences. Only without either are topics extracted from the text.
 */
export function buildTopics(sentences: Sentence[], gongTopics: GongSignals["topics"]): Topics {
  const byTopic = indicesByTopic(sentences);
  const indicesOf = (name: string) => [...(byTopic.get(name.toLowerCase())?.indices ?? [])].sort((a, b) => a - b);
  const listed = (gongTopics ?? []).filter((topic) => topic.duration > 0);
  if (listed.length > 0) {
    const items = [...listed]
      .sort((a, b) => b.duration - a.duration)
      .map((topic): Topic => {
        const segmentIndices = indicesOf(topic.name);
        return { name: topic.name, durationSeconds: topic.duration, mentions: segmentIndices.length, segmentIndices };
      });
    return { source: "gong", items };
  }
  if (byTopic.size > 0) {
    const items = [...byTopic.values()]
      .sort((a, b) => b.ms - a.ms)
      .map((entry): Topic => ({
        name: entry.name,
        durationSeconds: roundTo(entry.ms / 1000, 2),
        mentions: entry.indices.length,
        segmentIndices: indicesOf(entry.name),
      }));
    return { source: "gong", items };
  }
  return { source: "extracted", items: extractTopics(sentences) };
}
