import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeId } from "../data/ids";
import { countAllCalls } from "../data/dataset";
import type { SimulatorState } from "../state";
import { isMediaUrlValid } from "./media-url";
import { createWav } from "./wav";

const WAV = createWav();

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  response.end(text);
}

/** GET /media/<callId>.wav?expires&sig – the recording, with Range support so browser players can seek. */
export function serveMedia(state: SimulatorState, request: IncomingMessage, response: ServerResponse, url: URL): number {
  const callId = /^\/media\/(\d+)\.wav$/.exec(url.pathname)?.[1];
  const index = callId ? decodeId("call", state.dataset.seed, callId) : undefined;
  if (!callId || index === undefined || index >= countAllCalls(state.dataset)) return sendText(response, 404, "Not found"), 404;
  if (!isMediaUrlValid(state, callId, url.searchParams.get("expires"), url.searchParams.get("sig"))) {
    return sendText(response, 403, "This link has expired or is invalid. Request the call again for a fresh URL."), 403;
  }
  const headers = { "Content-Type": "audio/wav", "Accept-Ranges": "bytes", "Cache-Control": "private, max-age=300" };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
  if (!request.headers.range || !range) {
    response.writeHead(200, { ...headers, "Content-Length": String(WAV.length) });
    response.end(request.method === "HEAD" ? undefined : WAV);
    return 200;
  }
  const size = WAV.length;
  let start = range[1] ? Number(range[1]) : size - Number(range[2] || 0);
  let end = range[1] ? (range[2] ? Math.min(Number(range[2]), size - 1) : size - 1) : size - 1;
  if (!range[1] && !range[2]) [start, end] = [0, size - 1];
  if (start < 0 || start >= size || end < start) {
    return sendText(response, 416, "Range not satisfiable", { "Content-Range": `bytes */${size}` }), 416;
  }
  response.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) });
  response.end(request.method === "HEAD" ? undefined : WAV.subarray(start, end + 1));
  return 206;
}
