import type { Inngest } from "inngest";
import type { Recorder } from "../contract-app.js";
import { tagOf } from "./shared.js";

/** Functions that cross Inngest's limits: an oversized step output, and configs Inngest refuses at sync. */
export function createLimitFunctions(inngest: Inngest, rec: Recorder) {
  // One byte over Inngest's 4 MiB step output limit; no retries, so the failed attempt fails the run.
  const bigOutput = inngest.createFunction({ id: "big-output", triggers: [{ event: "test/big-output" }], retries: 0 }, async ({ event, step }) => {
    await step.run("too-big", () => rec.hit(`big-output:${tagOf(event)}`) && "x".repeat(4 * 1024 * 1024 - 1));
    return "unreachable";
  });

  // Just under it: memoised and returned.
  const largeOutput = inngest.createFunction({ id: "large-output", triggers: [{ event: "test/large-output" }], retries: 0 }, async ({ step }) => {
    const text = await step.run("large", () => "x".repeat(4 * 1024 * 1024 - 2));
    return text.length;
  });

  const oversizedBatch = inngest.createFunction(
    { id: "oversized-batch", triggers: [{ event: "test/oversized-batch" }], batchEvents: { maxSize: 101, timeout: "5s" } },
    async ({ events }) => events.length,
  );

  const cancellableBatch = inngest.createFunction(
    {
      id: "cancellable-batch",
      triggers: [{ event: "test/cancellable-batch" }],
      batchEvents: { maxSize: 10, timeout: "5s" },
      cancelOn: [{ event: "test/stop-batch" }],
    },
    async ({ events }) => events.length,
  );

  return [bigOutput, largeOutput, oversizedBatch, cancellableBatch];
}
