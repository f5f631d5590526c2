import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeId } from "../data/ids";
import { countAllCalls, getDurationSeconds } from "../data/dataset";
import type { SimulatorState } from "../state";
import { isMediaUrlValid } from "./media-url";
import { callWavSize, readCallWav } from "./wav";

// 1.6 s of a slate frame with the WAV's chime (VP8 + Opus, 4 KB), made once with:
// ffmpeg -f lavfi -i "color=c=0x1f2937:s=160x90:r=5:d=1.5" -i chime.wav -c:v libvpx -b:v 24k -c:a libopus -b:a 12k -ac 1 -shortest recording.webm
const WEBM = readFileSync(new URL("./recording.webm", import.meta.url));
// The audio is as long as the call, built per range; a browser asks for the rest of it ("bytes=N-") in one request.
const CHUNK_BYTES = 256 * 1024;

type MediaFile = { type: string; size: number; read(start: number, end: number): Buffer };

function mediaFile(kind: "wav" | "webm", durationSeconds: number): MediaFile {
  if (kind === "webm") return { type: "video/webm", size: WEBM.length, read: (start, end) => WEBM.subarray(start, end + 1) };
  return { type: "audio/wav", size: callWavSize(durationSeconds), read: (start, end) => readCallWav(durationSeconds, start, end) };
}

function sendBytes(response: ServerResponse, file: MediaFile, start: number, end: number): void {
  let at = start;
  const writeMore = () => {
    while (at <= end) {
      if (response.destroyed) return;
      const chunkEnd = Math.min(end, at + CHUNK_BYTES - 1);
      const ok = response.write(file.read(at, chunkEnd));
      at = chunkEnd + 1;
      if (!ok) return void response.once("drain", writeMore);
    }
    response.end();
  };
  writeMore();
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  response.end(text);
}

/** GET /media/<callId>.wav|.webm?expires&sig – the recording, with Range support so players can seek. */
export function serveMedia(state: SimulatorState, request: IncomingMessage, response: ServerResponse, url: URL): number {
  const match = /^\/media\/(\d+)\.(wav|webm)$/.exec(url.pathname);
  const index = match ? decodeId("call", state.dataset.seed, match[1]!) : undefined;
  if (!match || index === undefined || index >= countAllCalls(state.dataset)) return sendText(response, 404, "Not found"), 404;
  if (!isMediaUrlValid(state, `${match[1]}.${match[2]}`, url.searchParams.get("expires"), url.searchParams.get("sig"))) {
    return sendText(response, 403, "This link has expired or is invalid. Request the call again for a fresh URL."), 403;
  }
  const file = mediaFile(match[2] as "wav" | "webm", getDurationSeconds(state.dataset, index));
  const headers = { "Content-Type": file.type, "Accept-Ranges": "bytes", "Cache-Control": "private, max-age=300" };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
  const size = file.size;
  if (!request.headers.range || !range) {
    response.writeHead(200, { ...headers, "Content-Length": String(size) });
    if (request.method === "HEAD") response.end();
    else sendBytes(response, file, 0, size - 1);
    return 200;
  }
  let start = range[1] ? Number(range[1]) : size - Number(range[2] || 0);
  let end = range[1] ? (range[2] ? Math.min(Number(range[2]), size - 1) : size - 1) : size - 1;
  if (!range[1] && !range[2]) [start, end] = [0, size - 1];
  if (start < 0 || start >= size || end < start) {
    return sendText(response, 416, "Range not satisfiable", { "Content-Range": `bytes */${size}` }), 416;
  }
  response.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) });
  if (request.method === "HEAD") response.end();
  else sendBytes(response, file, start, end);
  return 206;
}
