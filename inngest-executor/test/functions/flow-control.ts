import type { Inngest } from "inngest";
import type { Recorder } from "../contract-app.js";
import { tagOf } from "./shared.js";

/** cancelOn edge cases, invoke timeouts, keyed throttles with a burst, keyed event batches, and intake first. */
export function createFlowControlFunctions(inngest: Inngest, rec: Recorder) {
  // A newer event for the same tag replaces the run in progress: its trigger is also its cancel event.
  const superseded = inngest.createFunction(
    {
      id: "superseded",
      triggers: [{ event: "test/superseded" }],
      cancelOn: [{ event: "test/superseded", if: "async.data.tag == event.data.tag" }],
    },
    async ({ event, step }) => {
      const { tag, n } = event.data as { tag: string; n: number };
      await step.run("start", () => rec.hit(`superseded:${tag}:${n}:start`));
      await step.sleep("settle", "1s");
      await step.run("finish", () => rec.hit(`superseded:${tag}:${n}:finish`));
      return `finished ${n}`;
    },
  );

  const cancelWindow = inngest.createFunction(
    {
      id: "cancel-window",
      triggers: [{ event: "test/cancel-window" }],
      cancelOn: [{ event: "test/cancel-window.stop", if: "async.data.tag == event.data.tag", timeout: "1s" }],
    },
    async ({ event, step }) => {
      await step.run("start", () => rec.hit(`cancel-window:${tagOf(event)}:start`));
      await step.sleep("outlast-the-window", "2s");
      await step.run("finish", () => rec.hit(`cancel-window:${tagOf(event)}:finish`));
      return "not cancelled";
    },
  );

  const slowChild = inngest.createFunction({ id: "slow-child", triggers: [{ event: "test/slow-child" }] }, async ({ step }) => {
    await step.sleep("linger", "3s");
    return "too late";
  });

  const impatientParent = inngest.createFunction(
    { id: "impatient-parent", triggers: [{ event: "test/impatient-parent" }] },
    async ({ step }) => {
      try {
        const result = await step.invoke("call-slow-child", { function: slowChild, data: {}, timeout: "1s" });
        return { timedOut: false, result };
      } catch (error) {
        return { timedOut: true, message: error instanceof Error ? error.message : String(error) };
      }
    },
  );

  const burstThrottled = inngest.createFunction(
    {
      id: "burst-throttled",
      triggers: [{ event: "test/burst-throttled" }],
      throttle: { limit: 1, period: "2s", key: "event.data.group", burst: 2 },
    },
    async ({ event }) => rec.hit(`burst:${tagOf(event)}:${(event.data as { group: string }).group}`),
  );

  // Events of one group gather into runs of up to 3, or whatever arrived within 1 s; the `solo` group is not batched.
  const batched = inngest.createFunction(
    {
      id: "batched",
      triggers: [{ event: "test/batched" }],
      batchEvents: { maxSize: 3, timeout: "1s", key: "event.data.group", if: "event.data.group != 'solo'" },
    },
    async ({ event, events, step }) => {
      const ns = events.map((each) => (each.data as { n: number }).n);
      await step.run("record", () => rec.hit(`batched:${tagOf(event)}:${(event.data as { group: string }).group}:${ns.join(",")}`));
      return ns;
    },
  );

  // One hit per event, to see when runs start while events pour in (intake first).
  const counted = inngest.createFunction({ id: "counted", triggers: [{ event: "test/counted" }] }, async ({ event }) => rec.hit(`counted:${tagOf(event)}`));

  return [superseded, cancelWindow, slowChild, impatientParent, burstThrottled, batched, counted];
}
