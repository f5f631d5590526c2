import { z } from "zod";
import { AppError } from "@/lib/errors";
import { truncateTranscript } from "./truncate-transcript";

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_TRANSCRIPT_TOKENS = 12_000;

const SYSTEM_PROMPT =
  "You summarise sales call transcripts for the account executive who ran the call. Reply with 3 to 5 short " +
  "bullet points: the customer's situation and pains, what was discussed, objections, and the agreed next " +
  "steps with their owners. Use only facts stated in the transcript.";

const summarizeWithLlmOptionsSchema = z.object({
  baseUrl: z.url(),
  apiKey: z.string().nullish(),
  model: z.string().min(1),
  transcript: z.string().min(1, "The transcript is empty."),
  timeoutMs: z.number().int().positive().default(DEFAULT_TIMEOUT_MS),
  maxTranscriptTokens: z.number().int().positive().default(DEFAULT_MAX_TRANSCRIPT_TOKENS),
});

// OpenAI-compatible chat completion; servers add fields freely, so unknown keys pass.
const chatCompletionResponseSchema = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

export type SummarizeWithLlmOptions = z.input<typeof summarizeWithLlmOptionsSchema> & { fetch?: typeof fetch };
export type LlmSummary = { summary: string; model: string; truncated: boolean };

function describeFailure(status: number, body: string): string {
  const parsed = errorBodySchema.safeParse(safeJson(body));
  const detail = parsed.success ? parsed.data.error.message : body.trim();
  if (status === 401 || status === 403) return `LLM endpoint rejected the API key (HTTP ${status}).`;
  return `LLM endpoint answered HTTP ${status}${detail ? `: ${detail.slice(0, 200)}` : "."}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sends the transcript to `POST {baseUrl}/chat/completions`; every failure is an `upstream_failed` AppError. */
export async function summarizeWithLlm(options: SummarizeWithLlmOptions): Promise<LlmSummary> {
  const { baseUrl, apiKey, model, transcript, timeoutMs, maxTranscriptTokens } =
    summarizeWithLlmOptionsSchema.parse(options);
  const fetchImpl = options.fetch ?? fetch;
  const { text, truncated } = truncateTranscript(transcript, maxTranscriptTokens);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(`${baseUrl.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({
        model,
        temperature: 0.2,
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: text },
        ],
      }),
      signal: controller.signal,
    });
    const body = await response.text();
    if (!response.ok) throw new AppError("upstream_failed", describeFailure(response.status, body));
    const json = safeJson(body);
    if (json === undefined) throw new AppError("upstream_failed", "LLM endpoint returned malformed JSON.");
    const parsed = chatCompletionResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError("upstream_failed", "LLM endpoint returned an unexpected response shape.", { cause: parsed.error });
    }
    const summary = parsed.data.choices[0]?.message.content?.trim() ?? "";
    if (!summary) throw new AppError("upstream_failed", "LLM endpoint returned an empty summary.");
    return { summary, model: parsed.data.model ?? model, truncated };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (controller.signal.aborted) {
      throw new AppError("upstream_failed", `LLM endpoint did not answer within ${timeoutMs} ms.`, { cause: error });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("upstream_failed", `LLM endpoint unreachable: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
