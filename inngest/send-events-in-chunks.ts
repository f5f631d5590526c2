import { inngest } from "@/inngest/client";

type EventPayload = Extract<Parameters<typeof inngest.send>[0], unknown[]>[number];

/**
 * What one request to the event API may carry. Inngest refuses a larger request whole: 256 KiB on Inngest Cloud's
 * free plan (its plans' "maximum event size"), 512 KiB on self-hosted `inngest start` (`DefaultMaxEventSize`). The
 * smaller one, less room for what the SDK adds to each event (`ts`, `meta`), fits both.
 */
export const EVENT_REQUEST_BUDGET_BYTES = 224 * 1024;

// The SDK stamps each event with `"ts":<13 digits>` (and `meta` when set) before it sends.
const SDK_ADDED_BYTES_PER_EVENT = 64;

/** Splits events into the fewest requests whose serialized size stays within the budget, in order. */
export function chunkEventsBySize<E>(events: E[], budgetBytes = EVENT_REQUEST_BUDGET_BYTES): E[][] {
  const chunks: E[][] = [];
  let chunk: E[] = [];
  let size = 2; // the array's brackets
  for (const event of events) {
    const bytes = Buffer.byteLength(JSON.stringify(event)) + SDK_ADDED_BYTES_PER_EVENT + 1;
    if (bytes + 2 > budgetBytes) throw new Error(`An event of ${bytes} bytes does not fit one request to the event API (${budgetBytes} bytes).`);
    if (chunk.length > 0 && size + bytes > budgetBytes) {
      chunks.push(chunk);
      [chunk, size] = [[], 2];
    }
    chunk.push(event);
    size += bytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** `inngest.send` for any number of events: one request per chunk that fits the event API's size limit. */
export async function sendEventsInChunks(events: EventPayload[]): Promise<void> {
  for (const chunk of chunkEventsBySize(events)) await inngest.send(chunk);
}

/**
 * `step.sendEvent` for any number of events: one step per chunk that fits the event API's size limit, named `stepId`
 * when one suffices and `stepId-1`, `stepId-2`, … when not (the same events make the same steps, so a retried run
 * sends nothing twice).
 */
export async function stepSendEventsInChunks<E extends EventPayload>(step: { sendEvent(id: string, events: E[]): Promise<unknown> }, stepId: string, events: E[]): Promise<void> {
  const chunks = chunkEventsBySize(events);
  for (const [index, chunk] of chunks.entries()) await step.sendEvent(chunks.length === 1 ? stepId : `${stepId}-${index + 1}`, chunk);
}
