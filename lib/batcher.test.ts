import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

/** A batch function whose calls stay open until released, recording what each call was given. */
function controlledRun() {
  const calls: { items: number[]; release: (error?: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({ items, release: (error) => (error ? reject(error) : resolve(items.map((item) => `r${item}`))) });
    });
  return { calls, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("createBatcher", () => {
  it("runs a lone item at once, in a batch of its own", async () => {
    const { calls, run } = controlledRun();
    const add = createBatcher(run, { maxBatchSize: 10 });
    const result = add(1);
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1]]);
    calls[0]!.release();
    await expect(result).resolves.toBe("r1");
  });

  it("puts items added in one turn together, and items added while a batch runs into the next", async () => {
    const { calls, run } = controlledRun();
    const add = createBatcher(run, { maxBatchSize: 10 });
    const first = [add(1), add(2)];
    await settle();
    const second = [add(3), add(4), add(5)];
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1, 2]]);
    calls[0]!.release();
    await expect(Promise.all(first)).resolves.toEqual(["r1", "r2"]);
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3, 4, 5]]);
    calls[1]!.release();
    await expect(Promise.all(second)).resolves.toEqual(["r3", "r4", "r5"]);
  });

  it("keeps batches within maxBatchSize and runs up to maxConcurrentBatches at once", async () => {
    const { calls, run } = controlledRun();
    const add = createBatcher(run, { maxBatchSize: 2, maxConcurrentBatches: 2 });
    const results = [1, 2, 3, 4, 5].map((item) => add(item));
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3, 4]]);
    calls[1]!.release();
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3, 4], [5]]);
    calls[0]!.release();
    calls[2]!.release();
    await expect(Promise.all(results)).resolves.toEqual(["r1", "r2", "r3", "r4", "r5"]);
  });

  it("rejects every item of a failed batch, and only those", async () => {
    const { calls, run } = controlledRun();
    const add = createBatcher(run, { maxBatchSize: 10 });
    const failed = [add(1), add(2)];
    await settle();
    const later = add(3);
    calls[0]!.release(new Error("database down"));
    for (const result of failed) await expect(result).rejects.toThrow("database down");
    await settle();
    calls[1]!.release();
    await expect(later).resolves.toBe("r3");
  });

  it("rejects a batch whose function answers the wrong number of results", async () => {
    const add = createBatcher(async (items: number[]) => items.slice(1), { maxBatchSize: 10 });
    const results = [add(1), add(2)];
    for (const result of results) await expect(result).rejects.toThrow("A batch of 2 answered 1 results.");
  });
});
