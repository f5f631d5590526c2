import type { IncomingMessage, ServerResponse } from "node:http";
import { type ServedHandler, serveNodeHandler } from "./serve-node-handler";

export type { ServedHandler } from "./serve-node-handler";

/** Serves a fetch-style handler (`Request → Response`) over node:http on a loopback port, as Next would. */
export async function serveWebHandler(handler: (request: Request) => Promise<Response>, port = 0): Promise<ServedHandler> {
  let origin = "";
  const served = await serveNodeHandler((incoming, outgoing) => {
    handleOne(handler, origin, incoming, outgoing).catch((error: unknown) => {
      console.error("serveWebHandler", error);
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  }, port);
  origin = served.url;
  return served;
}

async function handleOne(handler: (request: Request) => Promise<Response>, origin: string, incoming: IncomingMessage, outgoing: ServerResponse) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const body = hasBody ? toWebStream(incoming) : undefined;
  const request = new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    body: body?.stream,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request);
  // An unread body would stall this keep-alive socket; drop what the handler didn't read.
  body?.discard();
  const bytes = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": String(bytes.length) });
  outgoing.end(bytes);
}

/** Like Readable.toWeb, except that cancelling drains and discards the rest instead of resetting the socket. */
function toWebStream(incoming: IncomingMessage): { stream: ReadableStream<Uint8Array>; discard(): void } {
  let open = true;
  const discard = () => {
    open = false;
    incoming.resume();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      incoming.on("data", (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.on("end", () => open && controller.close());
      incoming.on("error", (error) => open && controller.error(error));
    },
    pull() {
      incoming.resume();
    },
    cancel: discard,
  });
  return { stream, discard };
}
