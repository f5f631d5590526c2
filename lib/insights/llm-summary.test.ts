import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { summarizeWithLlm } from "./llm-summary";

type Received = { path: string; authorization: string | undefined; body: { model: string; messages: { role: string; content: string }[] } };

// A fake OpenAI-compatible server; the model name picks the behaviour.
const received: Received[] = [];
let server: Server;
let baseUrl: string;

function answer(request: IncomingMessage, response: ServerResponse, raw: string): void {
  const body = JSON.parse(raw) as Received["body"];
  received.push({ path: request.url ?? "", authorization: request.headers.authorization, body });
  const json = (status: number, value: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(value));
  };
  if (request.headers.authorization !== "Bearer test-key") {
    return json(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
  }
  switch (body.model) {
    case "broken":
      return json(500, { error: { message: "The server had an error while processing your request." } });
    case "garbled":
      response.writeHead(200, { "content-type": "application/json" });
      return void response.end("{ not json");
    case "wrong-shape":
      return json(200, { choices: [] });
    case "slow":
      return void setTimeout(() => json(200, { choices: [{ message: { content: "late" } }] }), 2_000);
    default:
      return json(200, {
        id: "chatcmpl-1",
        object: "chat.completion",
        model: `${body.model}-0613`,
        choices: [{ index: 0, message: { role: "assistant", content: "  - Bob runs pricing in spreadsheets.\n" }, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 8, total_tokens: 18 },
      });
  }
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    request.on("end", () => answer(request, response, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

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
