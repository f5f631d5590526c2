import { describe, expect, it } from "vitest";
import { chunkEventsBySize, stepSendEventsInChunks } from "./send-events-in-chunks";

const event = (index: number, padding = 0) => ({ name: "test/event", data: { index, padding: "x".repeat(padding) } });

describe("chunkEventsBySize", () => {
  it("keeps every event, in order, in the fewest chunks within the budget", () => {
    const events = Array.from({ length: 10 }, (_, index) => event(index, 900));
    const chunks = chunkEventsBySize(events, 4_000);
    expect(chunks.flat()).toEqual(events);
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 3, 1]);
    for (const chunk of chunks) expect(Buffer.byteLength(JSON.stringify(chunk)) + chunk.length * 64).toBeLessThanOrEqual(4_000);
  });

  it("refuses an event that no request could carry, and makes no chunk of nothing", () => {
    expect(() => chunkEventsBySize([event(1, 5_000)], 4_000)).toThrow(/does not fit one request/);
    expect(chunkEventsBySize([], 4_000)).toEqual([]);
  });
});

describe("stepSendEventsInChunks", () => {
  // A step that records what it was asked to send, as Inngest's step.sendEvent is called.
  const recordingStep = () => {
    const sent: { id: string; count: number }[] = [];
    return { sent, sendEvent: async (id: string, events: unknown[]) => void sent.push({ id, count: events.length }) };
  };

  it("sends what fits one request as one step under its own id", async () => {
    const step = recordingStep();
    await stepSendEventsInChunks(step, "announce", [event(1), event(2)]);
    expect(step.sent).toEqual([{ id: "announce", count: 2 }]);
  });

  it("numbers the steps when the events need several requests", async () => {
    const step = recordingStep();
    await stepSendEventsInChunks(step, "announce", Array.from({ length: 3 }, (_, index) => event(index, 100_000)));
    expect(step.sent).toEqual([
      { id: "announce-1", count: 2 },
      { id: "announce-2", count: 1 },
    ]);
  });

  it("sends nothing for no events", async () => {
    const step = recordingStep();
    await stepSendEventsInChunks(step, "announce", []);
    expect(step.sent).toEqual([]);
  });
});
