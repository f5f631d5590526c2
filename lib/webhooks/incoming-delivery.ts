import type { IncomingMessage } from "node:http";

/**
 * What the receiver needs from an HTTP request, whichever server read it: the credentials and the raw body as it
 * arrives. Built from a web `Request` (App Router) or from Node's `IncomingMessage` (the app server's fast path),
 * so neither has to be turned into the other.
 */
export type IncomingDelivery = {
  authorization: string | null;
  /** The `key` query parameter of the URL ("URL includes key" authentication). */
  urlKey: string | null;
  /** Content-Length as sent, when it is a number. */
  declaredLength: number | null;
  body: AsyncIterable<Uint8Array> | null;
};

export function deliveryFromRequest(request: Request): IncomingDelivery {
  return {
    authorization: request.headers.get("authorization"),
    urlKey: new URL(request.url).searchParams.get("key"),
    declaredLength: parseLength(request.headers.get("content-length")),
    body: request.body ? chunksOf(request.body) : null,
  };
}

export function deliveryFromNodeRequest(request: IncomingMessage): IncomingDelivery {
  const query = request.url?.indexOf("?") ?? -1;
  return {
    authorization: request.headers.authorization ?? null,
    urlKey: query < 0 ? null : new URLSearchParams(request.url!.slice(query + 1)).get("key"),
    declaredLength: parseLength(request.headers["content-length"] ?? null),
    body: request,
  };
}

/** A web stream as an async iterable; leaving the loop early cancels the stream. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

function parseLength(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text);
}
