export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false };

/**
 * Past the limit the rest is read and thrown away (up to this much) before answering, so the sender gets our
 * 413 instead of a connection reset; beyond it reading stops, which closes the stream.
 */
const MAX_DISCARDED_BYTES = 4 * 1024 * 1024;

/**
 * The raw body, or `ok: false` once it passes `maxBytes` (or declares more); never holds more than the limit in
 * memory. Takes any stream of byte chunks: a web `ReadableStream` or Node's `IncomingMessage`.
 */
export async function readBodyWithLimit(body: AsyncIterable<Uint8Array> | null, declaredLength: number | null, maxBytes: number): Promise<LimitedBody> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = declaredLength !== null && declaredLength > maxBytes;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (!tooLarge && total > maxBytes) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
    else if (total > maxBytes + MAX_DISCARDED_BYTES) break;
  }
  if (tooLarge) return { ok: false };
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
}
