import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeLlmRequest = { path: string; authorization: string | undefined; body: { model: string; messages: { role: string; content: string }[] } };

export type FakeLlmServer = {
  /** `http://127.0.0.1:<port>/v1/`, as an OpenAI base URL is written. */
  baseUrl: string;
  received: FakeLlmRequest[];
  /** While set, every request is answered as if it named this model (for code that reads the model from its env once). */
  answerAs: string | null;
  close(): Promise<void>;
};

export const FAKE_LLM_API_KEY = "test-key";
/** The summary every successful answer carries, as the endpoint's trimmed content. */
export const FAKE_LLM_SUMMARY = "- Bob runs pricing in spreadsheets.";

function answer(server: FakeLlmServer, request: IncomingMessage, response: ServerResponse, raw: string): void {
  const body = JSON.parse(raw) as FakeLlmRequest["body"];
  server.received.push({ path: request.url ?? "", authorization: request.headers.authorization, body });
  const json = (status: number, value: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(value));
  };
  if (request.headers.authorization !== `Bearer ${FAKE_LLM_API_KEY}`) {
    return json(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
  }
  switch (server.answerAs ?? body.model) {
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
        choices: [{ index: 0, message: { role: "assistant", content: `  ${FAKE_LLM_SUMMARY}\n` }, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 8, total_tokens: 18 },
      });
  }
}

/**
 * A fake OpenAI-compatible endpoint on a loopback port: `POST {baseUrl}chat/completions` with the bearer key
 * FAKE_LLM_API_KEY. The model names the answer: "broken" (HTTP 500), "garbled" (malformed JSON), "wrong-shape"
 * (no choices), "slow" (after 2 s); any other model gets FAKE_LLM_SUMMARY.
 */
export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const http = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    request.on("end", () => answer(server, request, response, raw));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const server: FakeLlmServer = {
    baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1/`,
    received: [],
    answerAs: null,
    async close() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
  return server;
}
