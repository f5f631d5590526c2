/**
 * Plain data in and out of the insight functions. Callers map their rows into these shapes, so nothing
 * here depends on the database or on Gong's payloads.
 */

export type Affiliation = "Internal" | "External" | "Unknown";

/** The side a speaker talks for; `unknown` covers null speaker ids and unknown affiliation. */
export type Side = "internal" | "external" | "unknown";

export type InsightParty = {
  speakerId: string | null;
  name: string | null;
  email: string | null;
  affiliation: Affiliation;
};

/** One transcript sentence; `index` is the stable position the UI links to. */
export type InsightSegment = {
  index: number;
  speakerId: string | null;
  startMs: number;
  endMs: number;
  text: string;
  topic: string | null;
};

/** A per-organization keyword group, such as "Competitors" or "Pricing". */
export type TrackerDefinition = { id: string; name: string; keywords: string[] };

export type GongSignals = {
  topics?: { name: string; duration: number }[];
  trackers?: { name: string; count: number }[];
  interactionStats?: { name: string; value: number }[];
  questions?: { companyCount: number; nonCompanyCount: number } | null;
};

export type InsightInput = {
  durationSeconds: number | null;
  parties: InsightParty[];
  segments: InsightSegment[];
  trackers: TrackerDefinition[];
  gong?: GongSignals | null;
};

/** A sentence after sorting and clamping, with its speaker's side and lower-cased words resolved. */
export type Sentence = InsightSegment & { side: Side; words: number; tokens: string[] };

export type SpeakerRef = { speakerId: string | null; name: string | null; side: Side };

export type SpeakerTalk = SpeakerRef & { talkSeconds: number; talkRatio: number };

export type SideTalk = { talkSeconds: number; talkRatio: number; speakers: number };

export type TalkTime = {
  totalTalkSeconds: number;
  speakers: SpeakerTalk[];
  sides: Record<Side, SideTalk>;
};

/** A run of consecutive sentences by one speaker. */
export type LongestTurn = SpeakerRef & {
  durationSeconds: number;
  startSeconds: number;
  segmentIndex: number;
};

export type Interactivity = {
  switches: number;
  minutes: number;
  switchesPerMinute: number;
  /** 0–10; see compute-interactivity.ts for the scale. */
  score: number;
};

export type Patience = { averagePauseSeconds: number | null; samples: number };

export type SideQuestions = { count: number; segmentIndices: number[] };

export type Questions = Record<Side, SideQuestions>;

export type SpeakerFillers = SpeakerRef & {
  count: number;
  perMinute: number;
  words: Record<string, number>;
};

export type Topic = {
  name: string;
  /** Seconds Gong attributes to the topic; null for extracted topics. */
  durationSeconds: number | null;
  mentions: number;
  segmentIndices: number[];
};

export type Topics = { source: "gong" | "extracted"; items: Topic[] };

export type TrackerHit = {
  keyword: string;
  segmentIndex: number;
  startMs: number;
  speakerId: string | null;
  side: Side;
};

export type TrackerResult = { trackerId: string; name: string; count: number; hits: TrackerHit[] };

export type NextStep = {
  kind: "action-item" | "next-step";
  /** The side expected to act: the speaker's, or the other side's for requests ("can you send…"). */
  ownerSide: Side;
  segmentIndex: number;
  startMs: number;
  speakerId: string | null;
  text: string;
  cues: string[];
};

export type SummarySentence = { segmentIndex: number; startMs: number; speakerId: string | null; text: string };

/** [startSeconds, endSeconds] pairs, snapped to `bucketSeconds`. */
export type TimelineTrack = SpeakerRef & { intervals: [number, number][] };

export type Timeline = { durationSeconds: number; bucketSeconds: number; tracks: TimelineTrack[] };

/** When a topic was discussed, on the speaker timeline's grid. */
export type TopicTrack = { name: string; intervals: [number, number][] };

export type GongPassthrough = {
  interactionStats: { name: string; value: number }[];
  trackers: { name: string; count: number }[];
  questions: { companyCount: number; nonCompanyCount: number } | null;
};

export type CallInsights = {
  version: number;
  durationSeconds: number;
  sentenceCount: number;
  talk: TalkTime;
  longestMonologue: LongestTurn | null;
  longestCustomerStory: LongestTurn | null;
  interactivity: Interactivity;
  patience: Patience;
  questions: Questions;
  fillerWords: SpeakerFillers[];
  topics: Topics;
  trackers: TrackerResult[];
  nextSteps: NextStep[];
  summary: SummarySentence[];
  timeline: Timeline;
  topicTimeline: TopicTrack[];
  gong: GongPassthrough | null;
};
