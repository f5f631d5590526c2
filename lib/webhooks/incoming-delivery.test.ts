import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { deliveryFromNodeRequest, deliveryFromRequest } from "./incoming-delivery";

const URL_WITH_KEY = "/api/webhooks/gong/c1?other=1&key=k%2By";

async function read(body: AsyncIterable<Uint8Array> | null): Promise<string | null> {
  if (!body) return null;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function nodeRequest(url: string | undefined, headers: Record<string, string>): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.url = url;
  request.headers = headers;
  return request;
}

describe("deliveryFromRequest", () => {
  it("reads the Authorization header, the key query parameter, Content-Length and the body", async () => {
    const request = new Request(`https://callbridge.example.com${URL_WITH_KEY}`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-length": "2" },
      body: "{}",
    });
    const delivery = deliveryFromRequest(request);
    expect(delivery).toMatchObject({ authorization: "Bearer t", urlKey: "k+y", declaredLength: 2 });
    expect(await read(delivery.body)).toBe("{}");
  });

  it("gives nulls for what the request lacks", () => {
    expect(deliveryFromRequest(new Request("https://callbridge.example.com/api/webhooks/gong/c1", { method: "POST" }))).toEqual({
      authorization: null,
      urlKey: null,
      declaredLength: null,
      body: null,
    });
  });
});

describe("deliveryFromNodeRequest", () => {
  it("reads the same from Node's request, which is itself the body", () => {
    const request = nodeRequest(URL_WITH_KEY, { authorization: "Bearer t", "content-length": "2" });
    expect(deliveryFromNodeRequest(request)).toEqual({ authorization: "Bearer t", urlKey: "k+y", declaredLength: 2, body: request });
  });

  it("gives nulls for what the request lacks, a URL without a query included", () => {
    const request = nodeRequest("/api/webhooks/gong/c1", {});
    expect(deliveryFromNodeRequest(request)).toEqual({ authorization: null, urlKey: null, declaredLength: null, body: request });
    expect(deliveryFromNodeRequest(nodeRequest(undefined, {})).urlKey).toBeNull();
    expect(deliveryFromNodeRequest(nodeRequest("/api/webhooks/gong/c1?key=", {})).urlKey).toBe("");
    expect(deliveryFromNodeRequest(nodeRequest("?key=first", {})).urlKey).toBe("first");
  });
});
