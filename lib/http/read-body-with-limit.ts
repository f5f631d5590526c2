export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false };

/**
 * Past the limit the rest is read and thrown away (up to this much) before answering, so the sender gets our
 * 413 instead of a connection reset; beyond it reading stops, which closes the stream.
 */
const MAX_DISCARDED_BYTES = 4 * 1024 * 1024;

/**
 * The raw body, or `ok: false` once it passes `maxBytes`; never holds more than the limit in memory. A body that
 * declares more is refused unread. Takes any stream of byte chunks: a web `ReadableStream` or Node's `IncomingMessage`.
 */
export async function readBodyWithLimit(body: AsyncIterable<Uint8Array> | null, declaredLength: number | null, maxBytes: number): Promise<LimitedBody> {
  if (declaredLength !== null && declaredLength > maxBytes) return { ok: false };
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (!tooLarge && total > maxBytes) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
    else if (total > maxBytes + MAX_DISCARDED_BYTES) break;
  }
  if (tooLarge) return { ok: false };
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
}

/** A web `Request`'s body, by the same rules: its Content-Length is believed when it says too much, never when it says little. */
export function readRequestBodyWithLimit(request: Request, maxBytes: number): Promise<LimitedBody> {
  return readBodyWithLimit(request.body ? chunksOf(request.body) : null, parseContentLength(request.headers.get("content-length")), maxBytes);
}

/** A web stream as an async iterable; leaving the loop early cancels the stream. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
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

/** Content-Length as sent, when it is a number. */
export function parseContentLength(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text);
}
