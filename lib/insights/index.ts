export { CALL_INSIGHTS_VERSION, computeCallInsights, isStaleCallInsights } from "./compute-call-insights";
export { formatTranscript } from "./format-transcript";
export { hasSidedTalk, listInteractionStats, type InteractionStatRow } from "./list-interaction-stats";
export { summarizeWithLlm, type LlmSummary, type SummarizeWithLlmOptions } from "./llm-summary";
export type * from "./types";
