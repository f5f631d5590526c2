import type { Inngest } from "inngest";
import type { Recorder } from "../contract-app.js";
import { createCoreFunctions } from "./core.js";
import { pause, tagOf } from "./shared.js";

/** A cron that fires every second, for the two-executor slot test. */
export function createCronFunctions(inngest: Inngest, rec: Recorder) {
  const cronTick = inngest.createFunction({ id: "cron-tick", triggers: [{ cron: "TZ=UTC * * * * * *" }] }, async ({ event }) => {
    rec.hit(`cron:${event.ts}`);
  });

  return [cronTick];
}

/** Functions with a sleep or a slow step to kill an executor in the middle of. */
export function createCrashFunctions(inngest: Inngest, rec: Recorder) {
  const { multiStep, parallel } = createCoreFunctions(inngest, rec);
  const crashy = inngest.createFunction({ id: "crashy", triggers: [{ event: "test/crashy" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    await step.run("one", () => rec.hit(`crashy:${tag}:one`));
    await step.sleep("gap", "2s");
    await step.run("two", () => rec.hit(`crashy:${tag}:two`));
    await step.run("three", () => rec.hit(`crashy:${tag}:three`));
    return "survived";
  });

  const slowStep = inngest.createFunction({ id: "slow-step", triggers: [{ event: "test/slow-step" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    await step.run("before", () => rec.hit(`slow:${tag}:before`));
    await step.run("slow", async () => {
      rec.hit(`slow:${tag}:slow`);
      await pause(1_500);
      return "slow done";
    });
    await step.run("after", () => rec.hit(`slow:${tag}:after`));
    return "finished";
  });

  return [crashy, slowStep, multiStep, parallel];
}
