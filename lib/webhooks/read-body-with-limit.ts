export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false };

/**
 * Past the limit the rest is read and thrown away (up to this much) before answering, so the sender gets our
 * 413 instead of a connection reset; beyond it the stream is cancelled.
 */
const MAX_DISCARDED_BYTES = 4 * 1024 * 1024;

/** The raw body, or `ok: false` once it passes `maxBytes`; never holds more than the limit in memory. */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<LimitedBody> {
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discardRest(reader);
    return { ok: false };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await discardRest(reader);
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let discarded = 0;
  while (discarded <= MAX_DISCARDED_BYTES) {
    const { done, value } = await reader.read();
    if (done) return;
    discarded += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
}
