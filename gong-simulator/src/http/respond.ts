import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const REQUEST_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Gong-style request id: ~19 lowercase alphanumerics ("4al018gzaztcr8nbukw"). */
export function createRequestId(): string {
  const bytes = randomBytes(19);
  let id = "";
  for (const byte of bytes) id += REQUEST_ID_ALPHABET[byte % REQUEST_ID_ALPHABET.length];
  return id;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json;charset=UTF-8", "Content-Length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html), "Cache-Control": "no-store" });
  response.end(html);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, "Cache-Control": "no-store" });
  response.end();
}

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "Request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** An error that maps straight to an HTTP status with Gong's `{requestId, errors}` body on /v2. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/**
 * Parses a JSON body; Gong answers 415 to other content types and 400 to malformed JSON. The control API
 * passes `anyContentType`: it is a test tool, and `curl -d` labels a JSON body as a form.
 */
export async function readJsonBody(request: IncomingMessage, options: { anyContentType?: boolean } = {}): Promise<unknown> {
  const raw = await readBody(request);
  if (raw.length === 0) return {};
  const type = request.headers["content-type"] ?? "application/json";
  if (!options.anyContentType && !type.includes("json")) throw new HttpError(415, "Unsupported Media Type");
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "Malformed request: body is not valid JSON");
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
