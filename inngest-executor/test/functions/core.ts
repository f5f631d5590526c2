import type { Inngest } from "inngest";
import { NonRetriableError, RetryAfterError } from "inngest";
import type { Recorder } from "../contract-app.js";
import { pause, tagOf } from "./shared.js";

/** The main contract suite's functions: one per feature of the protocol. */
export function createCoreFunctions(inngest: Inngest, rec: Recorder) {
  const multiStep = inngest.createFunction({ id: "multi-step", triggers: [{ event: "test/multi" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    const a = await step.run("a", () => rec.hit(`multi:${tag}:a`) && 1);
    const b = await step.run("b", () => rec.hit(`multi:${tag}:b`) && a + 1);
    const c = await step.run("c", () => rec.hit(`multi:${tag}:c`) && b + 1);
    return { sum: a + b + c };
  });

  const parallel = inngest.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    const parts = await Promise.all(
      ["x", "y", "z"].map((name) => step.run(`part-${name}`, () => rec.hit(`parallel:${tag}:${name}`) && name)),
    );
    const joined = await step.run("join", () => rec.hit(`parallel:${tag}:join`) && parts.join(""));
    return { joined };
  });

  const retryThenOk = inngest.createFunction({ id: "retry-then-ok", triggers: [{ event: "test/retry" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    return step.run("flaky", () => {
      if (rec.hit(`retry:${tag}`) < 3) throw new Error(`flaky failure ${rec.count(`retry:${tag}`)}`);
      return "ok";
    });
  });

  const retryAfter = inngest.createFunction({ id: "retry-after", triggers: [{ event: "test/retry-after" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    return step.run("limited-api", () => {
      if (rec.hit(`retry-after:${tag}`) === 1) throw new RetryAfterError("rate limited", "1s");
      return "done";
    });
  });

  const nonRetriable = inngest.createFunction(
    {
      id: "non-retriable",
      triggers: [{ event: "test/non-retriable" }],
      onFailure: async ({ event, error }) => {
        rec.values.set(`failure:${tagOf({ data: event.data.event.data ?? {} })}`, { message: error.message, original: event.data.event.name });
      },
    },
    async ({ event, step }) => {
      await step.run("doomed", () => {
        rec.hit(`non-retriable:${tagOf(event)}`);
        throw new NonRetriableError("this cannot work");
      });
    },
  );

  const sleeper = inngest.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    await step.run("before", () => rec.hit(`sleep:${tag}:before`));
    await step.sleep("nap", "1s");
    await step.run("after", () => rec.hit(`sleep:${tag}:after`));
    return "rested";
  });

  const waiter = inngest.createFunction({ id: "waiter", triggers: [{ event: "test/wait" }] }, async ({ event, step }) => {
    await step.run("ready", () => rec.hit(`wait:${tagOf(event)}:ready`));
    const approval = await step.waitForEvent("approval", {
      event: "test/approved",
      timeout: "2s",
      if: "async.data.tag == event.data.tag",
    });
    return { approvedBy: approval ? (approval.data as { by?: string }).by : null };
  });

  const child = inngest.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ event, step }) => {
    const n = Number((event.data as { n?: unknown }).n);
    return step.run("double", () => n * 2);
  });

  const invoker = inngest.createFunction({ id: "invoker", triggers: [{ event: "test/invoke" }] }, async ({ event, step }) => {
    const doubled = await step.invoke("call-child", { function: child, data: { n: (event.data as { n: number }).n } });
    return { doubled };
  });

  const fanOut = inngest.createFunction({ id: "fan-out", triggers: [{ event: "test/fan-out" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    await step.sendEvent("send-items", [0, 1, 2].map((i) => ({ name: "test/fan-item", data: { tag, i } })));
    return "sent";
  });

  const fanItem = inngest.createFunction({ id: "fan-item", triggers: [{ event: "test/fan-item" }] }, async ({ event, step }) => {
    const data = event.data as { tag: string; i: number };
    await step.run("handle", () => rec.hit(`fan:${data.tag}:${data.i}`));
  });

  const limited = inngest.createFunction(
    { id: "limited", triggers: [{ event: "test/limited" }], concurrency: { limit: 2, key: "event.data.group" } },
    async ({ event, step }) => {
      const group = String((event.data as { group: string }).group);
      await step.run("work", async () => {
        rec.enter(`limited:${group}`);
        rec.enter("limited:all");
        await pause(150);
        rec.leave("limited:all");
        rec.leave(`limited:${group}`);
        return rec.hit(`limited:${group}:done`);
      });
    },
  );

  const throttled = inngest.createFunction(
    { id: "throttled", triggers: [{ event: "test/throttled" }], throttle: { limit: 2, period: "1s" } },
    async ({ event }) => rec.hit(`throttled:${tagOf(event)}`),
  );

  const cancellable = inngest.createFunction(
    {
      id: "cancellable",
      triggers: [{ event: "test/cancellable" }],
      cancelOn: [{ event: "test/cancel", if: "async.data.tag == event.data.tag" }],
    },
    async ({ event, step }) => {
      const tag = tagOf(event);
      await step.run("start", () => rec.hit(`cancel:${tag}:start`));
      await step.sleep("wait-a-bit", "2s");
      await step.run("finish", () => rec.hit(`cancel:${tag}:finish`));
    },
  );

  const rateLimited = inngest.createFunction(
    { id: "rate-limited", triggers: [{ event: "test/rate-limited" }], rateLimit: { limit: 1, period: "1m" } },
    async () => "never registered",
  );

  return {
    multiStep, parallel, retryThenOk, retryAfter, nonRetriable, sleeper, waiter, child, invoker, fanOut, fanItem, limited, throttled,
    cancellable, rateLimited,
  };
}
