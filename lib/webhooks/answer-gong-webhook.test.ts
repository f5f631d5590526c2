import { type IncomingHttpHeaders, request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type ServedHandler, serveNodeHandler } from "@/test-support/serve-node-handler";
import { answerGongWebhook } from "./node-webhook-handler";
import type { GongWebhookReceiver } from "./receive-gong-webhook";

let served: ServedHandler | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

/** Serves answerGongWebhook with `receive` (a stand-in for the receiver, which is a parameter, not a module). */
async function serve(receive: GongWebhookReceiver): Promise<string> {
  served = await serveNodeHandler((request, response) => void answerGongWebhook(receive, request, response, "c1"));
  return served.url;
}

/** POSTs `parts` of a body, the last only once the answer has come (so a receiver that reads nothing answers first). */
function post(url: string, first: string, rest?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/api/webhooks/gong/c1`, { method: "POST", headers: { "content-type": "application/json" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      if (rest !== undefined) request.end(rest);
    });
    request.on("error", reject);
    if (rest === undefined) request.end(first);
    else request.write(first);
  });
}

const readAll = async (body: AsyncIterable<Uint8Array> | null) => {
  for await (const chunk of body ?? []) void chunk;
};

describe("answerGongWebhook", () => {
  it("answers with the receiver's status and JSON body and the security headers, keeping the connection", async () => {
    const url = await serve(async (delivery) => {
      await readAll(delivery.body);
      return { status: 202, body: { received: true as const } };
    });
    const answer = await post(url, "{}");
    expect(answer).toMatchObject({ status: 202, body: '{"received":true}' });
    expect(answer.headers).toMatchObject({ "content-type": "application/json", "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
    expect(answer.headers.connection).toBe("keep-alive");
  });

  it("closes the connection after refusing a body it did not read", async () => {
    const url = await serve(async () => ({ status: 401, body: { error: "bad_token" } }));
    const answer = await post(url, '{"callData":', "{}}");
    expect(answer).toMatchObject({ status: 401, body: '{"error":"bad_token"}' });
    expect(answer.headers.connection).toBe("close");
  });

  it("answers an error the receiver throws as the app's errors are answered", async () => {
    const url = await serve(async (delivery) => {
      await readAll(delivery.body);
      throw new AppError("not_found", "No such connection.");
    });
    const answer = await post(url, "{}");
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "not_found" } });
    expect(answer.headers["content-type"]).toBe("application/json");
  });

  it("leaves alone a response that was answered meanwhile, without throwing", async () => {
    const settled: string[] = [];
    served = await serveNodeHandler((request, response) => {
      const receive: GongWebhookReceiver = async (delivery) => {
        await readAll(delivery.body);
        response.writeHead(408, { "Content-Type": "text/plain" }).end("timed out"); // as a server timeout would
        return { status: 202, body: { received: true as const } };
      };
      answerGongWebhook(receive, request, response, "c1").then(
        () => settled.push("resolved"),
        (error: unknown) => settled.push(`rejected: ${String(error)}`),
      );
    });
    const answer = await post(served.url, "{}");
    expect(answer).toMatchObject({ status: 408, body: "timed out" });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual(["resolved"]);
  });
});
