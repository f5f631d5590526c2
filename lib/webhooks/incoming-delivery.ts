import type { IncomingMessage } from "node:http";
import { chunksOf, parseContentLength } from "@/lib/http/read-body-with-limit";

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
    declaredLength: parseContentLength(request.headers.get("content-length")),
    body: request.body ? chunksOf(request.body) : null,
  };
}

export function deliveryFromNodeRequest(request: IncomingMessage): IncomingDelivery {
  const query = request.url?.indexOf("?") ?? -1;
  return {
    authorization: request.headers.authorization ?? null,
    urlKey: query < 0 ? null : new URLSearchParams(request.url!.slice(query + 1)).get("key"),
    declaredLength: parseContentLength(request.headers["content-length"] ?? null),
    body: request,
  };
}
