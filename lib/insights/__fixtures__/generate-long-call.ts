import type { InsightInput, InsightSegment } from "../types";

// mulberry32: a tiny seeded generator, so the "random" call is the same on every run.
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SENTENCES = [
  "Our finance team reconciles invoices in spreadsheets every month.",
  "How do you handle approvals for large discounts today?",
  "Um, we basically email the approvals around, you know.",
  "We looked at Salesforce CPQ but the budget was too tight.",
  "The integration with your ERP would take about two weeks.",
  "What does the security review look like on your side?",
  "It's kind of a manual process, actually.",
  "I'll send the implementation plan by Friday.",
  "Let's schedule a follow up with your IT team next week.",
  "Renewals are where we lose the most time each quarter.",
  "Can you share the current contract terms?",
  "The dashboard shows every pending approval in one place.",
];

/**
 * A two-hour call of `sentenceCount` sentences between two reps, two customers and an unattributed voice,
 * with turns of one to six sentences and short pauses between them.
 */
export function generateLongCall(sentenceCount = 3_000, seed = 42): InsightInput {
  const random = createRandom(seed);
  const speakers = ["rep-1", "rep-2", "customer-1", "customer-2", null];
  const segments: InsightSegment[] = [];
  const millisecondsPerSentence = (2 * 3600 * 1000) / sentenceCount;
  let clockMs = 0;
  let speaker: string | null = "rep-1";
  let turnLeft = 0;
  for (let index = 0; index < sentenceCount; index++) {
    if (turnLeft === 0) {
      const others = speakers.filter((candidate) => candidate !== speaker);
      speaker = others[Math.floor(random() * others.length)] ?? null;
      turnLeft = 1 + Math.floor(random() * 6);
      clockMs += Math.floor(random() * 1500);
    }
    turnLeft -= 1;
    const lengthMs = Math.floor(millisecondsPerSentence * (0.65 + random() * 0.4));
    const text = SENTENCES[Math.floor(random() * SENTENCES.length)] ?? "";
    segments.push({ index, speakerId: speaker, startMs: clockMs, endMs: clockMs + lengthMs, text, topic: null });
    clockMs += lengthMs + Math.floor(random() * 300);
  }
  return {
    durationSeconds: Math.ceil(clockMs / 1000) + 30,
    parties: [
      { speakerId: "rep-1", name: "Rep One", email: "one@seller.test", affiliation: "Internal" },
      { speakerId: "rep-2", name: "Rep Two", email: "two@seller.test", affiliation: "Internal" },
      { speakerId: "customer-1", name: "Customer One", email: "one@buyer.test", affiliation: "External" },
      { speakerId: "customer-2", name: null, email: "two@buyer.test", affiliation: "External" },
    ],
    segments,
    trackers: [
      { id: "competitors", name: "Competitors", keywords: ["Salesforce CPQ", "Salesforce"] },
      { id: "pricing", name: "Pricing", keywords: ["budget", "discounts", "contract terms"] },
    ],
    gong: null,
  };
}
