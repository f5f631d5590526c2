import type { InsightInput, InsightSegment } from "../types";

/**
 * A 2½-minute discovery call: Alice (rep, Internal) with Bob and Carol (customer, External). Whole-second
 * timestamps so every figure in `discoveryCallExpected` can be checked by hand; the arithmetic is below.
 * A Playwright test seeds this call and compares the numbers on the call page with these.
 */
export const DISCOVERY_CALL_SPEAKERS = { alice: "1001", bob: "1002", carol: "1003" } as const;

const { alice, bob, carol } = DISCOVERY_CALL_SPEAKERS;

// [speakerId, startSeconds, endSeconds, text]
const LINES: [string, number, number, string][] = [
  [alice, 0, 6, "Hi Bob, thanks for joining, um, today."],
  [alice, 6, 12, "Our agenda is to understand your pricing process and your current tools."],
  [bob, 13, 19, "Sounds good, we basically run pricing out of spreadsheets right now."],
  [bob, 19, 27, "The spreadsheets break every quarter when the pricing team updates discounts."],
  [alice, 29, 34, "What happens when the spreadsheets break?"],
  [bob, 35, 50, "Honestly, it's kind of a mess, the pricing team spends a week fixing formulas by hand."],
  [carol, 50, 58, "And we looked at Salesforce CPQ last year but it was too expensive."],
  [alice, 60, 66, "Do you use any other tools for discounts today?"],
  [carol, 67, 72, "We tried Acme Pricing, like, for a month."],
  [alice, 73, 85, "Got it, so, um, you know, our platform syncs pricing rules automatically and, actually, flags risky discounts."],
  [alice, 85, 95, "Our customers usually cut the quarterly pricing cleanup from a week to a day."],
  [bob, 96, 100, "How much does it cost?"],
  [alice, 101, 108, "Pricing starts at forty thousand per year for your team size."],
  [carol, 109, 113, "So what would the rollout look like"],
  [carol, 113, 120, "We have budget approved for this quarter."],
  [alice, 122, 128, "Great, the next step is a technical demo with your IT team."],
  [bob, 128, 133, "Can you send the security questionnaire before the demo?"],
  [alice, 134, 140, "Yes, I'll send it by Friday along with a calendar invite."],
  [bob, 141, 145, "Let's schedule the demo for next Tuesday."],
  [alice, 146, 150, "Perfect, thanks Bob and Carol."],
];

export const discoveryCallSegments: InsightSegment[] = LINES.map(([speakerId, start, end, text], index) => ({
  index,
  speakerId,
  startMs: start * 1000,
  endMs: end * 1000,
  text,
  topic: null,
}));

export const discoveryCall: InsightInput = {
  durationSeconds: 152,
  parties: [
    { speakerId: alice, name: "Alice Rep", email: "alice@callbridge.test", affiliation: "Internal" },
    { speakerId: bob, name: "Bob Buyer", email: "bob@customer.test", affiliation: "External" },
    { speakerId: carol, name: "Carol Finance", email: "carol@customer.test", affiliation: "External" },
    // Invited but silent: no speaker id, so no talk time and no timeline track.
    { speakerId: null, name: "Dana Manager", email: "dana@callbridge.test", affiliation: "Internal" },
  ],
  segments: discoveryCallSegments,
  trackers: [
    { id: "tracker-competitors", name: "Competitors", keywords: ["Salesforce", "Salesforce CPQ", "Acme Pricing"] },
    { id: "tracker-pricing", name: "Pricing", keywords: ["budget", "cost", "per year", "price tag"] },
  ],
  gong: null,
};

/*
 * Talk time (sum of sentence lengths, s):
 *   Alice 6+6+5+6+12+10+7+6+6+4 = 68 · Bob 6+8+15+4+5+4 = 42 · Carol 8+5+4+7 = 24 · total 134
 *   ratios: Alice 68/134 = 0.5075 · Bob 42/134 = 0.3134 · Carol 24/134 = 0.1791
 *   sides: internal 68/134 = 0.5075 · external 66/134 = 0.4925
 * Turns (A=Alice, B=Bob, C=Carol): A0–12 B13–27 A29–34 B35–50 C50–58 A60–66 C67–72 A73–95 B96–100
 *   A101–108 C109–120 A122–128 B128–133 A134–140 B141–145 A146–150 → 16 turns, 15 switches
 *   longest monologue: Alice 73–95 = 22 s (segment 9) · longest customer story: Bob 35–50 = 15 s (segment 5)
 * Interactivity: 15 switches / 2.5 min = 6 per minute → 10 × 6 / 8 = 7.5
 * Patience (external → internal gaps): 29−27, 60−58, 73−72, 101−100, 122−120, 134−133, 146−145
 *   = 2+2+1+1+2+1+1 = 10 s over 7 → 1.43 s
 * Questions: internal 4 ("What…?"), 7 ("Do you…?") · external 11 ("How…?"), 13 ("So what would…", no "?"),
 *   16 ("Can you…?")
 * Fillers: Alice um (0), um + you know + actually (9) = 4 over 68 s → 4 / (68/60) = 3.53 a minute
 *   Bob basically (2), kind of (5) = 2 over 42 s → 2.86 · Carol like (8) = 1 over 24 s → 2.5
 * Trackers: Competitors "salesforce cpq" (6; one hit, not also "salesforce"), "acme pricing" (8) = 2
 *   Pricing "cost" (11), "per year" (12), "budget" (14) = 3
 * Next steps: 15 next step (internal), 16 request → action item for internal, 17 "I'll send … by Friday"
 *   action item (internal), 18 "Let's schedule … Tuesday" next step (external)
 * Topics (extracted; a two-word phrase counts double): pricing 8 (1, 2, 3, 5, 8, 9, 10, 12) ·
 *   "spreadsheets break" 2 → 4, so "spreadsheets" (3) is covered · "pricing team" 2 → 4, so "team" (4)
 *   gives way · discounts 3 · demo 3
 * Summary: 3 sentences (20 sentences → max(3, ⌊20/30⌋ + 2)), in transcript order
 */
export const discoveryCallExpected = {
  durationSeconds: 152,
  totalTalkSeconds: 134,
  talkSeconds: { alice: 68, bob: 42, carol: 24 },
  talkRatio: { alice: 0.5075, bob: 0.3134, carol: 0.1791, internal: 0.5075, external: 0.4925 },
  // The same ratios as whole percentages, as a page would print them.
  talkPercent: { alice: 51, bob: 31, carol: 18, internal: 51, external: 49 },
  longestMonologue: { speakerId: alice, durationSeconds: 22, startSeconds: 73, segmentIndex: 9 },
  longestCustomerStory: { speakerId: bob, durationSeconds: 15, startSeconds: 35, segmentIndex: 5 },
  interactivity: { switches: 15, minutes: 2.5, switchesPerMinute: 6, score: 7.5 },
  patience: { averagePauseSeconds: 1.43, samples: 7 },
  questions: { internal: [4, 7], external: [11, 13, 16] },
  fillerWords: {
    alice: { count: 4, perMinute: 3.53 },
    bob: { count: 2, perMinute: 2.86 },
    carol: { count: 1, perMinute: 2.5 },
  },
  trackers: { Competitors: [6, 8], Pricing: [11, 12, 14] },
  nextSteps: [
    { segmentIndex: 15, kind: "next-step", ownerSide: "internal" },
    { segmentIndex: 16, kind: "action-item", ownerSide: "internal" },
    { segmentIndex: 17, kind: "action-item", ownerSide: "internal" },
    { segmentIndex: 18, kind: "next-step", ownerSide: "external" },
  ],
  topics: ["pricing", "spreadsheets break", "pricing team", "discounts", "demo"],
  summary: [2, 3, 12],
} as const;
