// Verbs of follow-up work; "show", "run" and "talk" are left out because reps use them mid-demo
// ("let me show you the dashboard").
const ACT = "send|share|email|e-mail|forward|follow|set|schedule|book|put|get|loop|connect|introduce|check|confirm|circle|draft|prepare|write|reach|review|update|look|ping|call|sync|pull|finalize|sign";
const WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTH = "january|february|march|april|may|june|july|august|september|october|november|december";

/** The speaker commits to act ("I'll send", "we're going to set up", "let me check"). */
export const COMMITMENT_CUES: RegExp[] = [
  new RegExp(`\\b(?:i'll|i will|we'll|we will|i'm going to|we're going to|i am going to|we are going to|let me)\\s+(?:\\w+\\s+)?(?:${ACT})\\b`, "g"),
];

/** The speaker asks the other side to act ("can you send", "please share"). */
export const REQUEST_CUES: RegExp[] = [
  new RegExp(`\\b(?:can|could|would) you\\s+(?:please\\s+)?(?:${ACT})\\b`, "g"),
  new RegExp(`\\b(?:you'll|you will|please)\\s+(?:\\w+\\s+)?(?:${ACT})\\b`, "g"),
];

/** Plans for the deal without a named doer. */
export const PLAN_CUES: RegExp[] = [
  /\bnext steps?\b/g,
  /\bfollow[- ]?up\b/g,
  /\blet's\s+(?:schedule|set up|book|plan|meet|reconvene|regroup|sync|touch base|circle back|get|find|put|loop)\b/g,
  /\bcircle back\b/g,
  /\btouch base\b/g,
  /\b(?:calendar|meeting) invite\b/g,
  /\baction items?\b/g,
  /\bget back to you\b/g,
  new RegExp(`\\bby (?:${WEEKDAY}|tomorrow|tonight|eod|eow|the end of|end of|next week|next month)\\b`, "g"),
];

/** Dates and days: a next step only together with a future marker ("we'll talk on Tuesday"). */
export const TIME_CUES: RegExp[] = [
  new RegExp(`\\b(?:${WEEKDAY}|tomorrow|next week|next month)\\b`, "g"),
  new RegExp(`\\b(?:${MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, "g"),
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
];

export const FUTURE_MARKER = /\b(?:will|'ll|going to|let's|shall|plan to|planning to)\b/;
