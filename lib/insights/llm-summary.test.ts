import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type FakeLlmServer, startFakeLlmServer } from "@/test-support/fake-llm-server";
import { summarizeWithLlm } from "./llm-summary";

let server: FakeLlmServer;
let baseUrl: string;
let received: FakeLlmServer["received"];

beforeAll(async () => {
  server = await startFakeLlmServer();
  ({ baseUrl, received } = server);
});

afterAll(() => server?.close());

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("summarizeWithLlm", () => {
  it("posts the transcript to /chat/completions and returns the trimmed summary", async () => {
    const result = await summarizeWithLlm({ baseUrl, apiKey: "test-key", model: "gpt-test", transcript: "[00:00] Bob: hi" });
    expect(result).toEqual({ summary: "- Bob runs pricing in spreadsheets.", model: "gpt-test-0613", truncated: false });
    const request = received.at(-1);
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.body.messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(request?.body.messages[1]?.content).toBe("[00:00] Bob: hi");
  });

  it("truncates a long transcript to the token budget, keeping the start and the end", async () => {
    const transcript = Array.from({ length: 2_000 }, (_, line) => `[${line}] Alice: line ${line} of the call`).join("\n");
    const result = await summarizeWithLlm({ baseUrl, apiKey: "test-key", model: "gpt-test", transcript, maxTranscriptTokens: 500 });
    expect(result.truncated).toBe(true);
    const sent = received.at(-1)?.body.messages[1]?.content ?? "";
    expect(sent.length).toBeLessThanOrEqual(500 * 4);
    expect(sent.startsWith("[0] Alice")).toBe(true);
    expect(sent.endsWith("line 1999 of the call")).toBe(true);
    expect(sent).toContain("middle of the call omitted");
  });

  it("reports a rejected API key without echoing it", async () => {
    const error = await failureOf(summarizeWithLlm({ baseUrl, apiKey: "wrong-key", model: "gpt-test", transcript: "x" }));
    expect(error.code).toBe("upstream_failed");
    expect(error.message).toBe("LLM endpoint rejected the API key (HTTP 401).");
    expect(error.message).not.toContain("wrong-key");
  });

  it("reports a server error with the endpoint's message", async () => {
    const error = await failureOf(summarizeWithLlm({ baseUrl, apiKey: "test-key", model: "broken", transcript: "x" }));
    expect(error.message).toBe("LLM endpoint answered HTTP 500: The server had an error while processing your request.");
  });

  it("reports malformed JSON and an unexpected shape", async () => {
    const garbled = await failureOf(summarizeWithLlm({ baseUrl, apiKey: "test-key", model: "garbled", transcript: "x" }));
    expect(garbled.message).toBe("LLM endpoint returned malformed JSON.");
    const wrongShape = await failureOf(summarizeWithLlm({ baseUrl, apiKey: "test-key", model: "wrong-shape", transcript: "x" }));
    expect(wrongShape.message).toBe("LLM endpoint returned an unexpected response shape.");
  });

  it("gives up after the timeout", async () => {
    const error = await failureOf(summarizeWithLlm({ baseUrl, apiKey: "test-key", model: "slow", transcript: "x", timeoutMs: 100 }));
    expect(error.message).toBe("LLM endpoint did not answer within 100 ms.");
  });

  it("reports an unreachable endpoint", async () => {
    const refuse: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));
    const error = await failureOf(summarizeWithLlm({ baseUrl, model: "gpt-test", transcript: "x", fetch: refuse }));
    expect(error.message).toBe("LLM endpoint unreachable: fetch failed");
  });
});
